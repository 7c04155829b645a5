package com.ekyc.admin.session.web;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.session.Session;
import com.ekyc.admin.session.SessionStatus;

/**
 * A user's status: that of the user's newest session.
 */
@Schema(name = "Status", description = "The status of a user's newest session.")
record StatusResponse(@Schema(example = "user-42") String userId,
		@Schema(example = "0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10") UUID sessionId,
		@Schema(example = "IN_REVIEW") SessionStatus status, @Schema(nullable = true) @Nullable String reason,
		@Schema(example = "2026-11-25T10:00:00Z") Instant updatedAt,
		@Schema(example = "2026-12-02T10:00:00Z") Instant expiresAt) {

	static StatusResponse of(Session session) {
		return new StatusResponse(session.getUserId(), session.getId(), session.getStatus(), session.getReason(),
				session.getUpdatedAt(), session.getExpiresAt());
	}

}
