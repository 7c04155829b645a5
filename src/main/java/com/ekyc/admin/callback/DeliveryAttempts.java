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

/**
 * The short transactions around attempts: claiming due deliveries with a lease, and
 * recording each attempt's result, then scheduling the next attempt or ending the
 * delivery.
 */
@Component
class DeliveryAttempts {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryAttempts.class);

	private final CallbackDeliveryRepository deliveries;

	private final RetrySchedule schedule;

	private final Duration lease;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Timer endToEnd;

	DeliveryAttempts(CallbackDeliveryRepository deliveries, CallbackProperties properties, Clock clock,
			MeterRegistry meters) {
		this.deliveries = deliveries;
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
		CallbackDelivery delivery = this.deliveries.findById(attempted.getId()).orElseThrow();
		if (token == null || !delivery.isLeasedWith(token)) {
			logger.warn("Lease of callback delivery {} was lost; its attempt is not recorded", delivery.getId());
			return;
		}
		Instant now = this.clock.instant();
		if (result.succeeded()) {
			delivery.delivered(now, result.statusCode());
			this.endToEnd.record(Duration.between(delivery.getCreatedAt(), now));
		}
		else {
			Instant retryAt = result.gone() ? null
					: this.schedule.next(now, delivery.getRoundAttempts() + 1, result.retryAfter());
			delivery.attemptFailed(now, result.statusCode(), result.error(), retryAt);
		}
		String outcome = (delivery.getStatus() == DeliveryStatus.PENDING) ? "retry" : result.outcome();
		this.meters.counter("ekyc.callbacks.deliveries", "outcome", outcome).increment();
		Timer.builder("ekyc.callbacks.attempt")
			.description("How long one attempt took")
			.tag("outcome", result.outcome())
			.register(this.meters)
			.record(took);
	}

}
