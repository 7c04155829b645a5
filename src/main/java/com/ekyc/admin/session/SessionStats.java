package com.ekyc.admin.session;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Figures of all sessions.
 *
 * @param byStatus how many sessions there are in each status (every status, zeros
 * included)
 * @param oldestActiveCreatedAt when the oldest active session was created; {@code null}
 * when none is active
 */
public record SessionStats(Map<SessionStatus, Long> byStatus, @Nullable Instant oldestActiveCreatedAt) {

	/**
	 * How many sessions there are.
	 */
	public long total() {
		return this.byStatus.values().stream().mapToLong(Long::longValue).sum();
	}

}
