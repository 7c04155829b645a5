package com.ekyc.admin.database;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): new rows land at the end of the primary key
 * index instead of at random places, which keeps inserts cheap with millions of sessions.
 * Within one millisecond a 12-bit counter keeps them increasing, so that ids break ties
 * of creation times in creation order.
 */
public final class TimeOrderedIds {

	private static final SecureRandom random = new SecureRandom();

	private static long lastMillis;

	private static int counter;

	private TimeOrderedIds() {
	}

	/**
	 * A new id, ordered after every id this JVM gave before.
	 */
	public static UUID next(Instant now) {
		long millis;
		int sequence;
		synchronized (TimeOrderedIds.class) {
			if (now.toEpochMilli() > lastMillis) {
				lastMillis = now.toEpochMilli();
				counter = random.nextInt(0x800);
			}
			else if (++counter > 0xFFF) {
				// More ids in one millisecond than the counter holds: borrow the next
				// millisecond.
				lastMillis++;
				counter = 0;
			}
			millis = lastMillis;
			sequence = counter;
		}
		long mostSignificant = (millis << 16) | 0x7000L | sequence;
		long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
