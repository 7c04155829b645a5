package com.ekyc.admin.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code If-Match} header (RFC 9110) for resources whose ETag is their version
 * ({@code "<version>"}): {@code *}, or a list of such tags. Weak tags never match, as
 * strong comparison requires.
 */
public final class IfMatch {

	private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(?:,|$)");

	private IfMatch() {
	}

	/**
	 * The versions the header accepts, or {@code null} when any version will do (no
	 * header, or {@code *}).
	 * @throws ProblemException {@code 400} when the header is empty or malformed
	 */
	public static @Nullable Set<Long> versions(@Nullable String header) {
		if (header == null) {
			return null;
		}
		if (header.trim().equals("*")) {
			return null;
		}
		Set<Long> versions = new HashSet<>();
		Matcher tags = ENTITY_TAG.matcher(header);
		int end = 0;
		while (end < header.length() && tags.find(end) && tags.start() == end) {
			if (tags.group(1) == null) {
				parseVersion(tags.group(2), versions);
			}
			end = tags.end();
		}
		if (end == 0 || end < header.length()) {
			throw malformed();
		}
		return versions;
	}

	private static void parseVersion(String tag, Set<Long> versions) {
		// Other strong tags are well formed but name no version this service gave out:
		// strong comparison is character by character, so "01" is not "1".
		if (tag.matches("[1-9][0-9]{0,17}")) {
			versions.add(Long.parseLong(tag));
		}
	}

	private static ProblemException malformed() {
		return new ProblemException(Problems.invalidRequest("If-Match must be * or a session's ETag, such as \"3\".",
				List.of(new Problems.FieldError("If-Match", "must be * or a list of quoted versions such as \"3\""))));
	}

}
