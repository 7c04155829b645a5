package com.ekyc.admin.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The id of the request being served, on every log line as {@code requestId}: set by
 * {@link RequestIdFilter} for a request, and by background work for what a request caused
 * (a callback's attempts carry the id of the change they send).
 */
public final class RequestIds {

	static final String MDC_KEY = "requestId";

	private RequestIds() {
	}

	/**
	 * The id of the request this thread serves, if it serves one.
	 */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

	/**
	 * Puts the given id (or none) on this thread's log lines until the returned scope is
	 * closed, which restores what was there before.
	 */
	public static Scope open(@Nullable String requestId) {
		String previous = MDC.get(MDC_KEY);
		set(requestId);
		return () -> set(previous);
	}

	private static void set(@Nullable String requestId) {
		if (requestId != null) {
			MDC.put(MDC_KEY, requestId);
		}
		else {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * A request id in place, until closed.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
