package com.ekyc.admin.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads parameters, headers and path variables strictly: whole numbers in plain decimal
 * only (Spring's own editors read {@code 0x10} and {@code #10} as 16) and ids only as
 * canonical 36-character UUIDs ({@code 1-1-1-1-1} would otherwise name a UUID).
 * Registered as editors because Spring falls back to its lenient editors when a
 * conversion fails.
 */
@ControllerAdvice
class StrictParameterBinding {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@InitBinder
	void readStrictly(WebDataBinder binder) {
		binder.registerCustomEditor(int.class, new StrictEditor((text) -> Integer.valueOf(decimal(text))));
		binder.registerCustomEditor(Integer.class, new StrictEditor((text) -> Integer.valueOf(decimal(text))));
		binder.registerCustomEditor(long.class, new StrictEditor((text) -> Long.valueOf(decimal(text))));
		binder.registerCustomEditor(Long.class, new StrictEditor((text) -> Long.valueOf(decimal(text))));
		binder.registerCustomEditor(UUID.class, new StrictEditor(StrictParameterBinding::uuid));
	}

	private static String decimal(String text) {
		if (!DECIMAL.matcher(text).matches()) {
			throw new IllegalArgumentException("Not a whole number in plain decimal");
		}
		return text;
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
			// An empty parameter (limit=) counts as absent, like a missing one.
			setValue(text.isEmpty() ? null : this.parser.apply(text));
		}

	}

}
