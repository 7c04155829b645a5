package com.ekyc.admin.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads ids and booleans in parameters, headers and path variables strictly: ids only as
 * canonical 36-character UUIDs ({@code 1-1-1-1-1} would otherwise name a UUID), booleans
 * only as {@code true} or {@code false} (not {@code yes}, {@code on} or {@code 1}, on an
 * erasure). Registered as editors because Spring falls back to its lenient editors when a
 * conversion fails. (The only numbers the API takes, {@code limit} and {@code start}, are
 * read by {@link PageQueryArgumentResolver}; enum constants are checked by
 * {@link DeclaredParameters}.)
 */
@ControllerAdvice
class StrictParameterBinding {

	static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@InitBinder
	void readStrictly(WebDataBinder binder) {
		binder.registerCustomEditor(UUID.class, new StrictEditor(StrictParameterBinding::uuid));
		binder.registerCustomEditor(boolean.class, new StrictEditor(StrictParameterBinding::bool));
		binder.registerCustomEditor(Boolean.class, new StrictEditor(StrictParameterBinding::bool));
	}

	private static Boolean bool(String text) {
		return switch (text) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("Not true or false");
		};
	}

	private static UUID uuid(String text) {
		if (!CANONICAL_UUID.matcher(text).matches()) {
			throw new IllegalArgumentException("Not a UUID in its canonical form");
		}
		return UUID.fromString(text);
	}

	private static final class StrictEditor extends PropertyEditorSupport {

		private final Function<String, Object> parser;

		private StrictEditor(Function<String, Object> parser) {
			this.parser = parser;
		}

		@Override
		public void setAsText(String text) {
			// An empty value counts as absent, like a missing one.
			setValue(text.isEmpty() ? null : this.parser.apply(text));
		}

	}

}
