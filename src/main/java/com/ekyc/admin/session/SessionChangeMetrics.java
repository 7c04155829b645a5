package com.ekyc.admin.session;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts committed status changes by the status they reached
 * ({@code ekyc.sessions.status.changes}).
 */
@Component
class SessionChangeMetrics {

	private final MeterRegistry meters;

	SessionChangeMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@TransactionalEventListener
	void count(SessionStatusChanged change) {
		this.meters.counter("ekyc.sessions.status.changes", "to", change.status().name()).increment();
	}

}
