package com.ekyc.admin.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The {@code cursor} of the audit trail: the id of the last record of a page and the
 * filter it was asked with, so that the next page is found by position and only with the
 * same filter.
 *
 * @param beforeId the id of the last record of the page
 * @param filter the search's filter in a canonical text form
 */
record AuditCursor(long beforeId, String filter) {

	/** Longer than any cursor the service gives. */
	static final int MAX_LENGTH = 256;

	private static final String VERSION = "a1";

	private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

	String encode() {
		String text = VERSION + '|' + this.beforeId + '|' + this.filter;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor the service gave for the same filter.
	 * @throws ProblemException ({@code 400} naming {@code cursor}) for anything else
	 */
	static AuditCursor decode(String cursor, String filter) {
		if (cursor.length() > MAX_LENGTH) {
			throw invalid("is not a cursor this service gave");
		}
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("is not a cursor this service gave");
		}
		if (parts.length != 3 || !VERSION.equals(parts[0]) || !ID.matcher(parts[1]).matches()) {
			throw invalid("is not a cursor this service gave");
		}
		if (!parts[2].equals(filter)) {
			throw invalid("was given for other filters: send the same filter parameters as the first page");
		}
		return new AuditCursor(Long.parseLong(parts[1]), parts[2]);
	}

	private static ProblemException invalid(String message) {
		return new ProblemException(Problems.invalidField("cursor", message));
	}

}
