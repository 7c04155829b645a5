package com.ekyc.admin.web;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Enum constants in request bodies by their exact names only: Jackson would otherwise
 * take {@code " SUBMITTED\n"} for {@code SUBMITTED}, as it trims a name it does not know.
 * Anything else goes to Jackson's own enum deserializer (which refuses indexes, see
 * {@link StrictJsonConfiguration}).
 */
class ExactEnumNames extends ValueDeserializerModifier {

	@Override
	public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
			BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
		return new Exact(type.getRawClass(), deserializer);
	}

	private static final class Exact extends DelegatingDeserializer {

		private final Class<?> type;

		private final List<String> names;

		private Exact(Class<?> type, ValueDeserializer<?> delegatee) {
			super(delegatee);
			this.type = type;
			this.names = EnumNames.of(type);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
			return new Exact(this.type, delegatee);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (parser.hasToken(JsonToken.VALUE_STRING) && !this.names.contains(parser.getString())) {
				return context.handleWeirdStringValue(this.type, parser.getString(), "not one of the names");
			}
			return super.deserialize(parser, context);
		}

	}

}
