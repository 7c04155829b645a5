package com.ekyc.admin.session.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.session.SessionStats;

/**
 * Figures of all sessions.
 */
@Schema(name = "SessionStats")
record StatsResponse(
		@Schema(description = "How many sessions are in each status; every status is listed",
				example = "{\"CREATED\": 12, \"IN_PROGRESS\": 3, \"SUBMITTED\": 0, \"IN_REVIEW\": 1, "
						+ "\"RESUBMISSION_REQUESTED\": 0, \"APPROVED\": 940, \"REJECTED\": 31, \"EXPIRED\": 77, "
						+ "\"CANCELLED\": 5}") Map<String, Long> byStatus,
		@Schema(example = "1069") long total, @Schema(nullable = true,
				description = "When the oldest active session was created; null when none is active") @Nullable Instant oldestActiveCreatedAt) {

	static StatsResponse of(SessionStats stats) {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		stats.byStatus().forEach((status, count) -> byStatus.put(status.name(), count));
		return new StatsResponse(byStatus, stats.total(), stats.oldestActiveCreatedAt());
	}

}
