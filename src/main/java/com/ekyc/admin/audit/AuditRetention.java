package com.ekyc.admin.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.ekyc.admin.database.Batches;

/**
 * Deletes audit records older than {@code ekyc.audit.retention}, every
 * {@code ekyc.audit.retention-interval}, from the start of the chain: the chain's start
 * moves to the first kept record and the hash it follows, so it stays verifiable. Only
 * sealed records go, in id order, so the chain never has a hole.
 */
@Component
class AuditRetention implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

	static final int BATCH_SIZE = 10_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditProperties properties;

	private final Counter deleted;

	private final Clock clock;

	AuditRetention(JdbcClient jdbc, TransactionTemplate transactions, AuditProperties properties, MeterRegistry meters,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.deleted = RetentionMetrics.counter(meters, "audit_records");
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Duration interval = this.properties.retentionInterval();
		tasks.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, interval, interval));
	}

	private void deleteExpired() {
		deleteBefore(this.clock.instant().atZone(ZoneOffset.UTC).minus(this.properties.retention()).toInstant());
	}

	/**
	 * Deletes the sealed records that occurred before the cutoff, from the chain's start
	 * up to the first that did not.
	 * @return how many were deleted
	 */
	int deleteBefore(Instant cutoff) {
		int total = Batches.untilShort(this.transactions, BATCH_SIZE, () -> deleteBatch(cutoff));
		this.deleted.increment(total);
		logger.info("Audit retention: deleted {} records that occurred before {}", total, cutoff);
		return total;
	}

	private int deleteBatch(Instant cutoff) {
		// The sealer reads the chain's start: one of the two at a time.
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(AuditSealer.SEAL_LOCK).query().singleRow();
		List<AuditRecord> first = this.jdbc
			.sql("select " + StoredRecords.COLUMNS + " from " + StoredRecords.FROM + " order by r.id limit ?")
			.param(BATCH_SIZE)
			.query(StoredRecords.MAPPER)
			.list();
		AuditRecord last = null;
		int count = 0;
		for (AuditRecord record : first) {
			if (record.hash() == null || !record.occurredAt().isBefore(cutoff)) {
				break;
			}
			last = record;
			count++;
		}
		if (last == null) {
			return 0;
		}
		this.jdbc.sql("delete from audit_records where id <= ?").param(last.id()).update();
		// A run that reaches past the last deleted record stays whole: ids are looked up
		// in it from the chain's first on.
		this.jdbc.sql("delete from audit_seal_runs where last_id <= ?").param(last.id()).update();
		this.jdbc.sql("update audit_chain set first_id = ?, previous_hash = ?")
			.param(last.id() + 1)
			.param(last.hash())
			.update();
		return count;
	}

}
