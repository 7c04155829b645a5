package com.ekyc.admin.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.ekyc.admin.database.DatabaseAvailability;
import com.ekyc.admin.web.RequestIds;

/**
 * Sends callbacks in the background. On the scheduler, a claim leases as many due
 * deliveries as workers are free and hands them to the {@code callbackWorkers} executor;
 * it runs every {@code poll-interval}, and at once when a transaction that made a
 * delivery due commits or an attempt frees a worker. Each attempt's log lines carry the
 * id of the request whose change it sends. Shutting down is the executor's: attempts
 * under way finish; what is still leased after that is claimed again when its lease runs
 * out.
 */
@Component
class CallbackDispatcher implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(CallbackDispatcher.class);

	private final DeliveryAttempts attempts;

	private final CallbackSender sender;

	private final DatabaseAvailability database;

	private final ThreadPoolTaskExecutor workers;

	private final TaskScheduler scheduler;

	private final CallbackProperties properties;

	// Deliveries handed to workers whose attempt is not yet recorded.
	private final AtomicInteger busy = new AtomicInteger();

	// A claim asked for and not begun yet: wake-ups in between ask for no other.
	private final AtomicBoolean claimAsked = new AtomicBoolean();

	private final Object claiming = new Object();

	CallbackDispatcher(DeliveryAttempts attempts, CallbackSender sender, DatabaseAvailability database,
			ThreadPoolTaskExecutor callbackWorkers, TaskScheduler scheduler, CallbackProperties properties) {
		this.attempts = attempts;
		this.sender = sender;
		this.database = database;
		this.workers = callbackWorkers;
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		if (!this.properties.dispatchEnabled()) {
			logger.info("This instance does not send callbacks (ekyc.callbacks.dispatch-enabled=false); "
					+ "it records them for the instances that do");
			return;
		}
		tasks.addFixedDelayTask(this::claimDue, this.properties.pollInterval());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void onDeliveryDue(DeliveryDue due) {
		wake();
	}

	/**
	 * Claims now rather than at the next poll.
	 */
	void wake() {
		if (!this.properties.dispatchEnabled() || !this.claimAsked.compareAndSet(false, true)) {
			return;
		}
		try {
			this.scheduler.schedule(this::claimDue, Instant.now());
		}
		catch (TaskRejectedException ex) {
			// Shutting down: the next start, or another instance, claims it.
			this.claimAsked.set(false);
		}
	}

	/**
	 * Claims due deliveries for the free workers, again at once after a full claim (more
	 * may be due); a claim that found fewer found all that were due.
	 */
	void claimDue() {
		this.claimAsked.set(false);
		// A claim serves no one request, whichever woke it: its attempts each log under
		// the request id of their own change.
		try (RequestIds.Scope noRequest = RequestIds.open(null)) {
			synchronized (this.claiming) {
				boolean full = true;
				while (full && this.workers.isRunning()) {
					full = claimAndHandOver();
				}
			}
		}
	}

	private boolean claimAndHandOver() {
		int free = this.properties.workers() - this.busy.get();
		if (free <= 0) {
			return false;
		}
		List<CallbackDelivery> due = this.attempts.claim(free);
		for (CallbackDelivery delivery : due) {
			this.busy.incrementAndGet();
			try {
				this.workers.execute(() -> attempt(delivery));
			}
			catch (TaskRejectedException ex) {
				// Shutting down: the lease runs out and the delivery is claimed again.
				this.busy.decrementAndGet();
				return false;
			}
		}
		return due.size() == free;
	}

	private void attempt(CallbackDelivery delivery) {
		try (RequestIds.Scope scope = RequestIds.open(delivery.getRequestId())) {
			long started = System.nanoTime();
			AttemptResult result = this.sender.send(delivery);
			record(delivery, result, Duration.ofNanos(System.nanoTime() - started));
		}
		finally {
			this.busy.decrementAndGet();
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
				if (this.database.report(ex).isEmpty()) {
					logger.warn("Recording an attempt of callback delivery {} failed; it is tried again once its lease "
							+ "ends", delivery.getId(), ex);
					return;
				}
				if (Instant.now().isAfter(giveUp) || !pause()) {
					return;
				}
			}
		}
	}

	// Waits a poll interval; false when interrupted (the executor is shutting down).
	private boolean pause() {
		try {
			Thread.sleep(this.properties.pollInterval().toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
