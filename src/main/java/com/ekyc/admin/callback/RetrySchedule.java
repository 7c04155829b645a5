package com.ekyc.admin.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * When a failed delivery is tried again: the next wait of
 * {@code ekyc.callbacks.retry-schedule} with up to 20 % random jitter, or longer when the
 * receiver's {@code Retry-After} asks for it.
 */
final class RetrySchedule {

	static final double MAX_JITTER = 0.2;

	private final List<Duration> waits;

	RetrySchedule(List<Duration> waits) {
		this.waits = List.copyOf(waits);
	}

	/**
	 * The time of the next attempt after the given number of failed attempts in this
	 * round, or {@code null} when the schedule is spent.
	 */
	@Nullable Instant next(Instant now, int failedAttempts, @Nullable Duration retryAfter) {
		if (failedAttempts > this.waits.size()) {
			return null;
		}
		Duration wait = this.waits.get(failedAttempts - 1);
		long jitterMillis = (long) (wait.toMillis() * MAX_JITTER * ThreadLocalRandom.current().nextDouble());
		Duration jittered = wait.plusMillis(jitterMillis);
		if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
			return now.plus(retryAfter);
		}
		return now.plus(jittered);
	}

}
