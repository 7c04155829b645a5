package com.ekyc.admin.audit;

import java.util.UUID;

/**
 * The names that replace erased user ids: {@code erased-} and a random UUID, the same on
 * every session, event and audit record of one erasure.
 */
public final class Pseudonyms {

	public static final String PREFIX = "erased-";

	private Pseudonyms() {
	}

	public static String next() {
		return PREFIX + UUID.randomUUID();
	}

	/**
	 * Whether the user id is a pseudonym: no user is registered under such an id.
	 */
	public static boolean isPseudonym(String userId) {
		return userId.startsWith(PREFIX);
	}

}
