package com.ekyc.admin.session;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes idempotency records whose window has passed, in small batches so that no long
 * transaction holds locks.
 */
@Component
class IdempotencyKeyPurge {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

	private static final int BATCH_SIZE = 1000;

	private final IdempotencyRecordRepository idempotencyRecords;

	private final TransactionTemplate transactions;

	private final Clock clock;

	IdempotencyKeyPurge(IdempotencyRecordRepository idempotencyRecords, TransactionTemplate transactions, Clock clock) {
		this.idempotencyRecords = idempotencyRecords;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
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
