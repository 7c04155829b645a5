package com.ekyc.admin.session;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes idempotency records whose window has passed, every
 * {@code ekyc.sessions.idempotency-purge-interval}, in small batches so that no long
 * transaction holds locks.
 */
@Component
class IdempotencyKeyPurge implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

	private static final int BATCH_SIZE = 1000;

	private final IdempotencyRecordRepository idempotencyRecords;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration interval;

	IdempotencyKeyPurge(IdempotencyRecordRepository idempotencyRecords, TransactionTemplate transactions, Clock clock,
			SessionProperties properties) {
		this.idempotencyRecords = idempotencyRecords;
		this.transactions = transactions;
		this.clock = clock;
		this.interval = properties.idempotencyPurgeInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::purgeExpired, this.interval, this.interval));
	}

	void purgeExpired() {
		int total = 0;
		int deleted;
		do {
			deleted = this.transactions
				.execute((status) -> this.idempotencyRecords.deleteExpired(this.clock.instant(), BATCH_SIZE));
			total += deleted;
		}
		while (deleted == BATCH_SIZE);
		if (total > 0) {
			logger.info("Purged {} expired idempotency keys", total);
		}
	}

}
