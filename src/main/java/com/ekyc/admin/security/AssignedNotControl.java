package com.ekyc.admin.security;

import java.util.function.Predicate;

/**
 * The request firewall's own rules for header names and values, that every character is
 * an assigned Unicode character and none is a control character (a value may hold tabs),
 * checked by a loop rather than by the firewall's regular expressions: on a bearer token
 * of a kilobyte, the expression cost more than the rest of the firewall.
 */
final class AssignedNotControl implements Predicate<String> {

	/** For header names: no control character at all. */
	static final AssignedNotControl NAMES = new AssignedNotControl(false);

	/**
	 * For header values: no control character but horizontal tab (RFC 9110 allows it).
	 */
	static final AssignedNotControl VALUES = new AssignedNotControl(true);

	private final boolean tabAllowed;

	private AssignedNotControl(boolean tabAllowed) {
		this.tabAllowed = tabAllowed;
	}

	@Override
	public boolean test(String text) {
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7F) {
				// Printable ASCII, nearly every character of a request.
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			boolean allowedControl = this.tabAllowed && codePoint == '\t';
			if (!Character.isDefined(codePoint) || (Character.isISOControl(codePoint) && !allowedControl)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
