package com.ekyc.admin.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Knows whether the database is reachable, so that an outage is logged once when it
 * starts (WARN) and once when it ends (INFO) instead of once per request or job run.
 * Learns of an outage from the failures that code paths report, and of its end from a
 * probe that runs only while the database is away.
 */
@Component
public class DatabaseAvailability implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseAvailability.class);

	private static final int PROBE_TIMEOUT_SECONDS = 1;

	// While the database is away: how often it is asked whether it is back.
	private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private final DataSource dataSource;

	// Connections the outage broke may still fail a request or two once the database is
	// back: that is the end of the old outage, not a new one.
	private static final Duration SETTLING = Duration.ofSeconds(10);

	// When the current outage began, or null while the database is reachable.
	private final AtomicReference<@Nullable Instant> outageSince = new AtomicReference<>();

	private volatile Instant backSince = Instant.MIN;

	DatabaseAvailability(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Reports a failure: answers what kind of database trouble it was, if any, and notes
	 * the start of an outage.
	 */
	public Optional<DatabaseFailures.Kind> report(Throwable failure) {
		Optional<DatabaseFailures.Kind> kind = DatabaseFailures.classify(failure);
		Instant now = Instant.now();
		if (kind.isPresent() && kind.get() == DatabaseFailures.Kind.UNAVAILABLE
				&& now.isAfter(this.backSince.plus(SETTLING)) && this.outageSince.compareAndSet(null, now)) {
			logger.warn("The database is unavailable ({}); requests that need it are answered 503 until it is back",
					rootMessage(failure));
		}
		return kind;
	}

	private boolean answers() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(PROBE_TIMEOUT_SECONDS);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Whether an outage is under way.
	 */
	public boolean isUnavailable() {
		return this.outageSince.get() != null;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::probeWhileUnavailable, PROBE_INTERVAL);
	}

	void probeWhileUnavailable() {
		Instant since = this.outageSince.get();
		if (since == null) {
			return;
		}
		if (answers() && this.outageSince.compareAndSet(since, null)) {
			this.backSince = Instant.now();
			// The pool's idle connections predate the outage: make it open new ones.
			if (this.dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
				pool.getHikariPoolMXBean().softEvictConnections();
			}
			logger.info("The database is available again after {} s",
					Duration.between(since, this.backSince).toSeconds());
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
