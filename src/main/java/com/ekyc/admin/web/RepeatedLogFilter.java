package com.ekyc.admin.web;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.ekyc.admin.database.DatabaseAvailability;
import com.ekyc.admin.database.DatabaseFailures;

/**
 * Keeps the log readable when something repeats a warning or an error many times, as a
 * flood of bad requests or an outage can: each message (by logger and message pattern) is
 * logged at most once per {@link #WINDOW}; the first one after a quiet spell says how
 * many were left out.
 */
@Component
class RepeatedLogFilter extends TurboFilter {

	static final Duration WINDOW = Duration.ofSeconds(60);

	private static final int MAX_MESSAGES = 1000;

	private final Cache<String, Window> windows = Caffeine.newBuilder().maximumSize(MAX_MESSAGES).build();

	private final DatabaseAvailability database;

	RepeatedLogFilter(DatabaseAvailability database) {
		this.database = database;
	}

	@EventListener(ApplicationStartedEvent.class)
	void install() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
				&& !logback.getTurboFilterList().contains(this)) {
			logback.addTurboFilter(this);
			start();
		}
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			Object @Nullable [] params, @Nullable Throwable throwable) {
		if (format == null || !level.isGreaterOrEqual(Level.WARN) || !logger.isEnabledFor(level)) {
			return FilterReply.NEUTRAL;
		}
		Throwable cause = (throwable != null) ? throwable : lastThrowable(params);
		if (cause != null && this.database.report(cause).orElse(null) == DatabaseFailures.Kind.UNAVAILABLE) {
			return FilterReply.DENY;
		}
		Window window = this.windows.get(logger.getName() + '\u0000' + format, (key) -> new Window());
		long left = window.admit(System.nanoTime());
		if (left < 0) {
			return FilterReply.DENY;
		}
		if (left > 0) {
			logger.log(null, Logger.FQCN, level.toInt(),
					"{} more messages like the next one were not logged in the last {} s",
					new Object[] { left, WINDOW.toSeconds() }, null);
		}
		return FilterReply.NEUTRAL;
	}

	// SLF4J takes a trailing Throwable argument as the event's throwable.
	private static @Nullable Throwable lastThrowable(Object @Nullable [] params) {
		return (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) ? last
				: null;
	}

	/**
	 * When one message was last let through, and how many were held back since.
	 */
	private static final class Window {

		private long openedAt = Long.MIN_VALUE;

		private long held;

		/**
		 * @return -1 to hold the message back, else how many were held back before it
		 */
		synchronized long admit(long now) {
			if (this.openedAt != Long.MIN_VALUE && now - this.openedAt < WINDOW.toNanos()) {
				this.held++;
				return -1;
			}
			this.openedAt = now;
			long before = this.held;
			this.held = 0;
			return before;
		}

	}

}
