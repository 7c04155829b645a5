package com.ekyc.admin.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

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
 * @param expirySweepInterval how often sessions past their {@code expiresAt} are expired
 * @param idempotencyPurgeInterval how often idempotency records past their window are
 * deleted
 */
@Validated
@ConfigurationProperties("ekyc.sessions")
public record SessionProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("7d") Duration ttl,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("24h") Duration idempotencyWindow,
		@NotNull @DurationMin(millis = 100) @DefaultValue("1m") Duration expirySweepInterval,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration idempotencyPurgeInterval) {

}
