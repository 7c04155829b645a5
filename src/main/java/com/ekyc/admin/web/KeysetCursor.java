package com.ekyc.admin.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code cursor} of a list ordered newest first by creation time, then id: where a
 * page ended (its last item's creation time and id) and the filter the list was asked
 * with, so that a cursor is only taken back with the same filter. Opaque to clients, but
 * not a secret: an edited cursor names another position or is refused, nothing else.
 *
 * @param createdAt the creation time of the last item of the page
 * @param id the id of the last item of the page
 * @param filter the list's filter in a canonical text form; empty for none
 */
public record KeysetCursor(Instant createdAt, UUID id, String filter) {

	/** Longer than any cursor the service gives. */
	public static final int MAX_LENGTH = 512;

	private static final String VERSION = "s1";

	// A time as the service writes it: a four-digit year, no sign. Years beyond are no
	// creation time of anything, and the database could not compare them.
	private static final Pattern PLAIN_INSTANT = Pattern.compile("[0-9]{4}-[0-9T:.\\-]+Z");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/**
	 * The text a client sends back as {@code cursor}.
	 */
	public String encode() {
		String text = String.join("|", VERSION, this.createdAt.toString(), this.id.toString(), this.filter);
		return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor the service gave for the same filter.
	 * @throws ProblemException ({@code 400} naming {@code cursor}) for anything else
	 */
	public static KeysetCursor decode(String cursor, String filter) {
		KeysetCursor decoded = read(cursor);
		if (!decoded.filter().equals(filter)) {
			throw invalid("was given for other filters: send the same filter parameters as the first page");
		}
		return decoded;
	}

	private static KeysetCursor read(String cursor) {
		if (cursor.length() > MAX_LENGTH) {
			throw invalid("is not a cursor this service gave");
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
			if (parts.length != 4 || !VERSION.equals(parts[0]) || !PLAIN_INSTANT.matcher(parts[1]).matches()
					|| !StrictParameterBinding.CANONICAL_UUID.matcher(parts[2]).matches()) {
				throw invalid("is not a cursor this service gave");
			}
			return new KeysetCursor(Instant.parse(parts[1]), UUID.fromString(parts[2]), parts[3]);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw invalid("is not a cursor this service gave");
		}
	}

	private static ProblemException invalid(String message) {
		return new ProblemException(Problems.invalidField("cursor", message));
	}

}
