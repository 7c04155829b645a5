package com.ekyc.admin.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code audit}): down while records of reads cannot be written, so
 * that traffic goes to instances that can record it.
 */
@Component
class AuditHealthIndicator implements HealthIndicator {

	// One failed round may be a blip; longer is not.
	private static final Duration GRACE = Duration.ofSeconds(2);

	private final PendingRecords pending;

	private final Clock clock;

	AuditHealthIndicator(PendingRecords pending, Clock clock) {
		this.pending = pending;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Instant failingSince = this.pending.failingSince();
		Health.Builder health = (failingSince != null && failingSince.plus(GRACE).isBefore(this.clock.instant()))
				? Health.down().withDetail("failingSince", failingSince.toString()) : Health.up();
		return health.withDetail("pending", this.pending.count()).build();
	}

}
