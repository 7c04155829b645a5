package com.ekyc.admin.callback;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt to deliver a callback came to.
 *
 * @param statusCode the receiver's HTTP status, or {@code null} when there was no answer
 * @param error what went wrong, or {@code null} on success
 * @param retryAfter the wait a {@code 429} or {@code 503} answer asked for, if any
 */
record AttemptResult(@Nullable Integer statusCode, @Nullable String error, @Nullable Duration retryAfter) {

	static AttemptResult answered(int statusCode, @Nullable Duration retryAfter) {
		boolean success = statusCode >= 200 && statusCode < 300;
		return new AttemptResult(statusCode, success ? null : "the receiver answered " + statusCode, retryAfter);
	}

	static AttemptResult unanswered(String error) {
		return new AttemptResult(null, error, null);
	}

	boolean succeeded() {
		return this.error == null;
	}

	/** {@code 410 Gone}: the receiver wants no more attempts of this delivery. */
	boolean gone() {
		return this.statusCode != null && this.statusCode == 410;
	}

	String outcome() {
		return succeeded() ? "delivered" : (gone() ? "gone" : "failed");
	}

}
