package com.ekyc.admin.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A query parameter that names an instant: ISO-8601 with a four-digit year and an offset
 * ({@code 2026-11-29T12:00:00Z}, {@code 2026-11-29T13:00:00.5+01:00}); anything else is
 * {@code 400} naming the parameter.
 */
public final class InstantParameter {

	/** How the OpenAPI document describes such a parameter. */
	public static final String DESCRIPTION = "ISO-8601 with offset, e.g. `2026-11-29T12:00:00Z`";

	// Years beyond four digits are no time anything happened, and PostgreSQL could not
	// compare them.
	private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("[0-9]{4}-.*");

	private InstantParameter() {
	}

	/**
	 * The instant the parameter names; {@code null} when it is not given or empty.
	 */
	public static @Nullable Instant parse(String name, @Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		if (text.length() > 64 || !FOUR_DIGIT_YEAR.matcher(text).matches()) {
			throw invalid(name);
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid(name);
		}
	}

	private static ProblemException invalid(String name) {
		return new ProblemException(Problems.invalidField(name,
				"must be an instant in ISO-8601 with an offset, " + "such as 2026-11-29T12:00:00Z"));
	}

}
