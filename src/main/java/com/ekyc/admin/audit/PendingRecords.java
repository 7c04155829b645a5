package com.ekyc.admin.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.ekyc.admin.database.DatabaseAvailability;

/**
 * The records of reads on their way to the database: written in batches every
 * {@code ekyc.audit.flush-interval}, in the order they came; a round writes what was
 * waiting when it began. A batch that cannot be written is kept and written again on the
 * next round (the readiness probe says so meanwhile); room is reserved when a request
 * comes, so a request that finds none is refused rather than left unrecorded. A shutdown
 * writes what is waiting, after the web server has stopped taking requests.
 */
@Component
class PendingRecords implements SchedulingConfigurer, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PendingRecords.class);

	// A batch costs a transaction of a few round trips whatever its size; at this size a
	// round (every flush-interval) is one batch up to 25,000 reads a second.
	static final int BATCH_SIZE = 5_000;

	// Stops after the web server (whose phases are DEFAULT_PHASE - 1024 and - 2048) has
	// finished its requests, before the data source closes.
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);

	private final AuditWriter writer;

	private final DatabaseAvailability database;

	private final Duration interval;

	private final Semaphore room;

	private final Queue<AuditRecord> waiting = new ConcurrentLinkedQueue<>();

	// Records ever added (by every request thread: an adder, not one contended word), and
	// ever taken from waiting (under the monitor): what a round is due to write, without
	// walking the queue.
	private final LongAdder added = new LongAdder();

	private long taken;

	private final Counter failures;

	private final Clock clock;

	// The batch that could not be written, written first next time. Touched under the
	// monitor only.
	private volatile List<AuditRecord> retrying = List.of();

	private volatile @Nullable Instant failingSince;

	private volatile boolean running;

	// Whether the current failure was logged here (not as a database outage).
	private boolean warned;

	PendingRecords(AuditWriter writer, DatabaseAvailability database, AuditProperties properties, MeterRegistry meters,
			Clock clock) {
		this.writer = writer;
		this.database = database;
		this.interval = properties.flushInterval();
		this.room = new Semaphore(properties.pendingLimit());
		this.clock = clock;
		this.failures = Counter.builder("ekyc.audit.write.failures")
			.description("Batches of audit records that could not be written (and are retried)")
			.register(meters);
		Gauge.builder("ekyc.audit.pending", this, (pending) -> pending.count())
			.description("Audit records of reads waiting to be written")
			.register(meters);
	}

	/**
	 * Reserves room for one record.
	 * @return whether there was room; a request without is refused
	 */
	boolean reserve() {
		return this.room.tryAcquire();
	}

	/**
	 * Gives back room reserved for a record that was written another way.
	 */
	void release() {
		this.room.release();
	}

	/**
	 * Queues a record for which room was reserved.
	 */
	void add(AuditRecord record) {
		this.waiting.add(record);
		this.added.increment();
	}

	/**
	 * When writing began to fail, if the last attempt failed.
	 */
	@Nullable Instant failingSince() {
		return this.failingSince;
	}

	int count() {
		return this.waiting.size() + this.retrying.size();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::flush, this.interval, this.interval));
	}

	/**
	 * Writes what is waiting, batch by batch, until what was waiting when the round began
	 * is written or a batch fails. Records that come meanwhile wait for the next round:
	 * under a steady load a round that took them too would go on writing a few records at
	 * a time (a transaction each), never the batch of a whole interval.
	 * @return whether everything that was waiting was written
	 */
	synchronized boolean flush() {
		// Each record is counted after it is queued: the due ones are all there.
		long due = this.added.sum() - this.taken;
		while (true) {
			if (this.retrying.isEmpty()) {
				this.retrying = drain(due);
				due -= this.retrying.size();
			}
			if (this.retrying.isEmpty()) {
				return true;
			}
			try {
				this.writer.write(this.retrying);
			}
			catch (RuntimeException ex) {
				this.failures.increment();
				if (this.failingSince == null) {
					this.failingSince = this.clock.instant();
					// An outage of the database is logged once, by itself; anything else
					// here.
					this.warned = this.database.report(ex).isEmpty();
					if (this.warned) {
						logger.warn("Cannot write {} audit records; they are kept and written again: {}",
								this.retrying.size(), ex.getMessage());
					}
				}
				return false;
			}
			this.room.release(this.retrying.size());
			this.retrying = List.of();
			if (this.failingSince != null && this.warned) {
				logger.info("Audit records are written again");
			}
			this.failingSince = null;
		}
	}

	private List<AuditRecord> drain(long due) {
		// Not sized by waiting.size(): that walks the whole queue.
		List<AuditRecord> batch = new ArrayList<>();
		AuditRecord record;
		while (batch.size() < Math.min(BATCH_SIZE, due) && (record = this.waiting.poll()) != null) {
			batch.add(record);
		}
		this.taken += batch.size();
		return batch;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		Instant giveUp = this.clock.instant().plus(SHUTDOWN_PATIENCE);
		while (!flush() && this.clock.instant().isBefore(giveUp)) {
			sleepBriefly();
		}
		if (count() > 0) {
			logger.error("Stopping with {} audit records that could not be written", count());
		}
		this.running = false;
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
