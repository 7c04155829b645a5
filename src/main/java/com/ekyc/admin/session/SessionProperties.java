package com.ekyc.admin.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of verification sessions ({@code ekyc.sessions.*}).
 *
 * @param ttl how long a new session stays open: {@code expiresAt} is {@code createdAt}
 * plus this
 * @param idempotencyWindow how long an {@code Idempotency-Key} replays the answer it
 * first got
 */
@Validated
@ConfigurationProperties("ekyc.sessions")
public record SessionProperties(@NotNull @DefaultValue("7d") Duration ttl,
		@NotNull @DefaultValue("24h") Duration idempotencyWindow,
		@NotNull @DefaultValue("1m") Duration expirySweepInterval) {

	public SessionProperties {
		requirePositive(ttl, "ekyc.sessions.ttl");
		requirePositive(idempotencyWindow, "ekyc.sessions.idempotency-window");
		requirePositive(expirySweepInterval, "ekyc.sessions.expiry-sweep-interval");
	}

	private static void requirePositive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(property + " must be a positive duration, not " + duration);
		}
	}

}
