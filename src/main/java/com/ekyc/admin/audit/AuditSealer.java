package com.ekyc.admin.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.ekyc.admin.database.Batches;

/**
 * Seals new audit records into the hash chain every {@code ekyc.audit.seal-interval}, in
 * id order. One instance seals at a time (an advisory lock each batch); the others find
 * it taken and wait for the next round. Every {@code ekyc.audit.head-log-interval} the
 * chain's head is logged if it moved: someone able to rewrite the whole trail and its
 * chain in the database cannot rewrite the logs as well.
 */
@Component
class AuditSealer implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(AuditSealer.class);

	static final int BATCH_SIZE = 5_000;

	static final long SEAL_LOCK = 0x656b79634175_02L;

	// The last hash of the run sealed last: the chain's head.
	private static final String LAST_HASH = "encode(substring(last.hashes from length(last.hashes) - "
			+ (SealRuns.HASH_BYTES - 1) + "), 'hex')";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Duration interval;

	private final Counter sealed;

	private final Duration headLogInterval;

	// The head logged last; touched by the scheduler's thread only.
	private @Nullable ChainHead loggedHead;

	AuditSealer(JdbcClient jdbc, TransactionTemplate transactions, AuditProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.interval = properties.sealInterval();
		this.headLogInterval = properties.headLogInterval();
		this.sealed = Counter.builder("ekyc.audit.sealed")
			.description("Audit records sealed into the hash chain")
			.register(meters);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		// A round that fails (the database away) is reported by the scheduler's error
		// handler; the next round seals what it did not.
		tasks.addFixedDelayTask(new FixedDelayTask(this::seal, this.interval, this.interval));
		tasks.addFixedDelayTask(new FixedDelayTask(this::logHead, this.headLogInterval, this.headLogInterval));
	}

	/**
	 * Logs the chain's head, unless it is the one logged last or there is none.
	 */
	void logHead() {
		ChainHead head = this.jdbc.sql("select last_id as id, " + LAST_HASH + " as hash from " + SealRuns.LAST)
			.query((row, rowNumber) -> new ChainHead(row.getLong("id"), row.getString("hash")))
			.optional()
			.orElse(null);
		if (head != null && !head.equals(this.loggedHead)) {
			logger.info("Audit chain head: record {}, hash {}", head.id(), head.hash());
			this.loggedHead = head;
		}
	}

	/**
	 * Seals every record written so far.
	 * @return how many records this call sealed
	 */
	int seal() {
		Long bound = committedBound();
		if (bound == null) {
			return 0;
		}
		int total = Batches.untilShort(this.transactions, BATCH_SIZE, () -> sealBatch(bound));
		this.sealed.increment(total);
		return total;
	}

	/**
	 * The id up to which every record is committed or will never be: read while no writer
	 * holds the write lock. Waits for it briefly only, so that writers never queue behind
	 * the sealer for long; {@code null} when it could not be had this round.
	 */
	private @Nullable Long committedBound() {
		return this.transactions.execute((status) -> {
			this.jdbc.sql("set local lock_timeout = '200ms'").update();
			try {
				this.jdbc.sql("select pg_advisory_xact_lock(?)").param(AuditWriter.WRITE_LOCK).query().singleRow();
			}
			catch (DataAccessException ex) {
				status.setRollbackOnly();
				return null;
			}
			return this.jdbc.sql("select coalesce(max(id), 0) from audit_records").query(Long.class).single();
		});
	}

	private int sealBatch(long bound) {
		if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SEAL_LOCK).query(Boolean.class).single()) {
			return 0;
		}
		// The chain's head: every record up to it is sealed, none after it.
		Map<String, Object> head = this.jdbc
			.sql("select coalesce(last.last_id, chain.first_id - 1) as id, coalesce(" + LAST_HASH
					+ ", chain.previous_hash) as hash from audit_chain chain left join (select last_id, hashes from "
					+ SealRuns.LAST + ") last on true")
			.query()
			.singleRow();
		List<AuditRecord> unsealed = this.jdbc
			.sql("select " + StoredRecords.COLUMNS_WITHOUT_HASH
					+ " from audit_records r where r.id > ? and r.id <= ? order by r.id limit ?")
			.param(((Number) Objects.requireNonNull(head.get("id"))).longValue())
			.param(bound)
			.param(BATCH_SIZE)
			.query(StoredRecords.MAPPER)
			.list();
		String previous = (String) Objects.requireNonNull(head.get("hash"));
		long[] ids = new long[unsealed.size()];
		byte[][] hashes = new byte[unsealed.size()][];
		AuditChain chain = new AuditChain();
		for (int i = 0; i < ids.length; i++) {
			AuditRecord record = unsealed.get(i);
			hashes[i] = chain.link(previous, record);
			previous = AuditChain.hex(hashes[i]);
			ids[i] = Objects.requireNonNull(record.id());
		}
		for (SealRuns.Run run : SealRuns.of(ids, hashes)) {
			this.jdbc.sql("insert into audit_seal_runs (first_id, last_id, hashes) values (?, ?, ?)")
				.param(run.firstId())
				.param(run.lastId())
				.param(run.hashes())
				.update();
		}
		return unsealed.size();
	}

	private record ChainHead(long id, String hash) {
	}

}
