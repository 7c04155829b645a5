package com.ekyc.admin.session;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.ekyc.admin.database.Batches;

/**
 * Expires sessions past their {@code expiresAt} every
 * {@code ekyc.sessions.expiry-sweep-interval}, in batches of their own transactions.
 * Instances sweep side by side: locked rows are skipped, so each session expires exactly
 * once.
 */
@Component
class SessionExpiry implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(SessionExpiry.class);

	static final int BATCH_SIZE = 100;

	private final SessionService sessions;

	private final Duration interval;

	SessionExpiry(SessionService sessions, SessionProperties properties) {
		this.sessions = sessions;
		this.interval = properties.expirySweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, this.interval, this.interval));
	}

	void sweep() {
		int total = Batches.untilShort(BATCH_SIZE, () -> this.sessions.expireDue(BATCH_SIZE));
		if (total > 0) {
			logger.info("Expired {} sessions past their expiry", total);
		}
	}

}
