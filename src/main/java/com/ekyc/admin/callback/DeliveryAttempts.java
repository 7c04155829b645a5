package com.ekyc.admin.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.ekyc.admin.audit.Pseudonyms;

/**
 * The short transactions around attempts: claiming due deliveries with a lease, and
 * recording each attempt's result, then scheduling the next attempt or ending the
 * delivery.
 */
@Component
class DeliveryAttempts {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryAttempts.class);

	private final CallbackDeliveryRepository deliveries;

	private final CallbackErasure erasure;

	private final RetrySchedule schedule;

	private final Duration lease;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Timer endToEnd;

	DeliveryAttempts(CallbackDeliveryRepository deliveries, CallbackErasure erasure, CallbackProperties properties,
			Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.erasure = erasure;
		this.schedule = new RetrySchedule(properties.retrySchedule());
		this.lease = properties.lease();
		this.clock = clock;
		this.meters = meters;
		this.endToEnd = Timer.builder("ekyc.callbacks.delivery.delay")
			.description("From the status change to its successful delivery")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * Leases up to {@code limit} due deliveries to this instance's workers.
	 */
	@Transactional
	public List<CallbackDelivery> claim(int limit) {
		Instant now = this.clock.instant();
		return this.deliveries.claim(now, limit, UUID.randomUUID(), now.plus(this.lease));
	}

	/**
	 * Records an attempt of a delivery this worker leased. A worker whose lease ran out
	 * and was taken over records nothing: the delivery is the new holder's.
	 */
	@Transactional
	public void record(CallbackDelivery attempted, AttemptResult result, Duration took) {
		UUID token = attempted.getLeaseToken();
		if (token == null) {
			logger.warn("Callback delivery {} was attempted without a lease; its attempt is not recorded",
					attempted.getId());
			return;
		}
		// The attempted copy is the row as claimed, and nobody else changes a leased row:
		// apply the outcome to it and write it where the lease still holds.
		Instant now = this.clock.instant();
		if (result.succeeded()) {
			attempted.delivered(now, result.statusCode());
		}
		else {
			Instant retryAt = result.gone() ? null
					: this.schedule.next(now, attempted.getRoundAttempts() + 1, result.retryAfter());
			attempted.attemptFailed(now, result.statusCode(), result.error(), retryAt);
		}
		if (this.deliveries.recordAttempt(attempted, token) == 0) {
			if (this.deliveries.existsById(attempted.getId())) {
				logger.warn("Lease of callback delivery {} was lost; its attempt is not recorded", attempted.getId());
			}
			else {
				// Only an erasure deletes a pending delivery: what it asked for.
				logger.info("Callback delivery {} was dropped by an erasure while it was attempted", attempted.getId());
			}
			return;
		}
		// Only an erasure's cancel names a pseudonym (the erasure wrote it there): no
		// statement for every other delivery that finishes.
		String payload = attempted.getPayload();
		if (attempted.getStatus() != DeliveryStatus.PENDING && payload != null && payload.contains(Pseudonyms.PREFIX)) {
			this.erasure.forgetIfErased(attempted.getId());
		}
		if (result.succeeded()) {
			this.endToEnd.record(Duration.between(attempted.getCreatedAt(), now));
		}
		else if (attempted.getStatus() == DeliveryStatus.FAILED) {
			// The receiver's trouble, not the service's: told, not raised as a warning.
			logger.info(
					"Callback delivery {} of session {} failed after {} attempts: {}; POST its retry to send it again",
					attempted.getId(), attempted.getSessionId(), attempted.getAttempts(), attempted.getLastError());
		}
		// One vocabulary for both: what the attempt meant for the delivery.
		String outcome = (attempted.getStatus() == DeliveryStatus.PENDING) ? "retry" : result.outcome();
		this.meters.counter("ekyc.callbacks.deliveries", "outcome", outcome).increment();
		Timer.builder("ekyc.callbacks.attempt")
			.description("How long one attempt took")
			.tag("outcome", outcome)
			.register(this.meters)
			.record(took);
	}

}
