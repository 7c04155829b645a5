package com.ekyc.admin.session;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): new rows land at the end of the primary key
 * index instead of at random places, which keeps inserts cheap with millions of sessions.
 */
final class SessionIds {

	private static final SecureRandom random = new SecureRandom();

	private SessionIds() {
	}

	static UUID next(Instant now) {
		long millis = now.toEpochMilli();
		long mostSignificant = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
		long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
