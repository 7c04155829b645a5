package com.ekyc.admin.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one metric of every retention job: {@code ekyc_retention_rows_total}, rows erased
 * or deleted, by {@code kind}.
 */
public final class RetentionMetrics {

	private RetentionMetrics() {
	}

	/**
	 * The counter of a kind of row: {@code audit_records}, {@code sessions} or
	 * {@code deliveries}.
	 */
	public static Counter counter(MeterRegistry meters, String kind) {
		return Counter.builder("ekyc.retention.rows")
			.description("Rows erased or deleted by the retention jobs")
			.tag("kind", kind)
			.register(meters);
	}

}
