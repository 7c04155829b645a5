package com.ekyc.admin.session.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ekyc.admin.session.Session;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The {@code cursor} of the list of all sessions: where a page ended (the last session's
 * {@code createdAt} and {@code id}, the list's order) and the status filter it was given
 * for. Opaque to clients, but not a secret: an edited cursor names another position or is
 * refused, nothing else.
 *
 * @param createdAt the creation time of the last session of the page
 * @param id the id of the last session of the page
 * @param statuses the status filter of the list; empty for all sessions
 */
record SessionCursor(Instant createdAt, UUID id, Set<SessionStatus> statuses) {

	// Longer than any cursor the service gives (about 200 characters with every status).
	static final int MAX_LENGTH = 512;

	private static final String VERSION = "s1";

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/**
	 * The cursor of the page that follows the given session.
	 */
	static SessionCursor after(Session last, Set<SessionStatus> statuses) {
		return new SessionCursor(last.getCreatedAt(), last.getId(), statuses);
	}

	/**
	 * The text a client sends back as {@code cursor}.
	 */
	String encode() {
		String filter = this.statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		String text = String.join("|", VERSION, this.createdAt.toString(), this.id.toString(), filter);
		return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor the service gave for the same status filter.
	 * @throws ProblemException ({@code 400}) for anything else
	 */
	static SessionCursor decode(String cursor, Set<SessionStatus> statuses) {
		SessionCursor decoded = read(cursor);
		if (!decoded.statuses().equals(statuses)) {
			throw invalid("was given for other status filters: send the same status parameters as the first page");
		}
		return decoded;
	}

	private static SessionCursor read(String cursor) {
		if (cursor.length() > MAX_LENGTH) {
			throw invalid("is not a cursor this service gave");
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
			if (parts.length != 4 || !VERSION.equals(parts[0]) || !CANONICAL_UUID.matcher(parts[2]).matches()) {
				throw invalid("is not a cursor this service gave");
			}
			return new SessionCursor(Instant.parse(parts[1]), UUID.fromString(parts[2]), statuses(parts[3]));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw invalid("is not a cursor this service gave");
		}
	}

	private static Set<SessionStatus> statuses(String filter) {
		Set<SessionStatus> statuses = EnumSet.noneOf(SessionStatus.class);
		if (!filter.isEmpty()) {
			for (String name : filter.split(",", -1)) {
				if (!statuses.add(SessionStatus.valueOf(name))) {
					throw new IllegalArgumentException("A status twice");
				}
			}
		}
		return statuses;
	}

	private static ProblemException invalid(String message) {
		return new ProblemException(Problems.invalidField("cursor", message));
	}

}
