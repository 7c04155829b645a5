package com.ekyc.admin.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.ekyc.admin.database.DatabaseAvailability;
import com.ekyc.admin.database.DatabaseFailures;

/**
 * Sends callbacks in the background: one loop claims due deliveries (as many as there are
 * free workers) and hands them to a bounded pool of workers. It wakes when a change
 * commits or an attempt ends, and polls as a fallback. On shutdown it stops claiming and
 * lets attempts under way finish; what is still leased after that is claimed again when
 * its lease runs out.
 */
@Component
class CallbackDispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CallbackDispatcher.class);

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

	private final DeliveryAttempts attempts;

	private final CallbackSender sender;

	private final DatabaseAvailability database;

	private final int workerCount;

	private final boolean dispatchEnabled;

	private final Duration pollInterval;

	private final Semaphore freeWorkers;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private ExecutorService workers;

	private Thread loop;

	CallbackDispatcher(DeliveryAttempts attempts, CallbackSender sender, CallbackProperties properties,
			DatabaseAvailability database) {
		this.attempts = attempts;
		this.database = database;
		this.sender = sender;
		this.workerCount = properties.workers();
		this.dispatchEnabled = properties.dispatchEnabled();
		this.pollInterval = properties.pollInterval();
		this.freeWorkers = new Semaphore(this.workerCount);
	}

	/**
	 * Looks for due deliveries now instead of at the next poll.
	 */
	void wake() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Wakes the dispatcher once the current transaction has committed, when what it wrote
	 * is visible to the claim.
	 */
	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					wake();
				}

			});
		}
		else {
			wake();
		}
	}

	@Override
	public synchronized void start() {
		if (!this.dispatchEnabled) {
			logger.info("This instance does not send callbacks (ekyc.callbacks.dispatch-enabled=false); "
					+ "it records them for the instances that do");
			return;
		}
		AtomicInteger counter = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(this.workerCount, (task) -> {
			Thread thread = new Thread(task, "callback-worker-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		this.loop = new Thread(this::dispatch, "callback-dispatcher");
		this.loop.setDaemon(true);
		this.loop.start();
	}

	private void dispatch() {
		while (this.running) {
			try {
				// Claim again at once only after a full claim: a claim that found fewer
				// deliveries than free workers found all that were due, and what commits
				// or frees a worker since wakes the loop.
				if (!claimAndSend() || this.freeWorkers.availablePermits() == 0) {
					this.wakeUps.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUps.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database may be away for a moment: wait for the next poll, go on.
				if (this.database.report(ex).isEmpty()) {
					logger.warn("Claiming callback deliveries failed; trying again in {}", this.pollInterval, ex);
				}
				sleepQuietly();
			}
		}
	}

	/**
	 * Claims as many due deliveries as there are free workers and hands them over.
	 * @return whether the claim was full, so that more may be due
	 */
	private boolean claimAndSend() {
		int free = this.freeWorkers.availablePermits();
		if (free == 0) {
			return false;
		}
		List<CallbackDelivery> due = this.attempts.claim(free);
		for (CallbackDelivery delivery : due) {
			this.freeWorkers.acquireUninterruptibly();
			this.workers.execute(() -> attempt(delivery));
		}
		return due.size() == free;
	}

	private void attempt(CallbackDelivery delivery) {
		try {
			long started = System.nanoTime();
			AttemptResult result = this.sender.send(delivery);
			record(delivery, result, Duration.ofNanos(System.nanoTime() - started));
		}
		finally {
			this.freeWorkers.release();
			// The session's next change may be due now, and a worker is free for it.
			wake();
		}
	}

	/**
	 * Records what the attempt came to; while the database is away, tries again as long
	 * as the lease lasts, rather than letting the lease run out and the receiver get the
	 * same callback a second time.
	 */
	private void record(CallbackDelivery delivery, AttemptResult result, Duration took) {
		Instant giveUp = (delivery.getLeaseUntil() != null) ? delivery.getLeaseUntil() : Instant.now();
		while (true) {
			try {
				this.attempts.record(delivery, result, took);
				return;
			}
			catch (RuntimeException ex) {
				Optional<DatabaseFailures.Kind> trouble = this.database.report(ex);
				if (trouble.isEmpty()) {
					logger.warn("Recording an attempt of callback delivery {} failed; it is tried again once its lease "
							+ "ends", delivery.getId(), ex);
					return;
				}
				if (!this.running || Instant.now().isAfter(giveUp)) {
					return;
				}
				sleepQuietly();
			}
		}
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(this.pollInterval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void stop() {
		if (this.workers == null) {
			return;
		}
		this.running = false;
		wake();
		this.workers.shutdown();
		try {
			this.loop.join(SHUTDOWN_GRACE.toMillis());
			if (!this.workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Callback attempts still under way at shutdown; their leases will expire");
				this.workers.shutdownNow();
			}
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
		// Stops before the web server and the database pool go away.
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

}
