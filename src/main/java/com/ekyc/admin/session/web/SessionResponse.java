package com.ekyc.admin.session.web;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.session.Session;
import com.ekyc.admin.session.SessionStatus;

/**
 * A session as the API shows it.
 */
@Schema(name = "Session", description = "A verification session of one user.")
record SessionResponse(@Schema(example = "0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10") UUID id,
		@Schema(example = "user-42") String userId, @Schema(example = "CREATED") SessionStatus status,
		@Schema(example = "https://client.example/ekyc/callback", nullable = true) @Nullable String callback,
		@Schema(description = "Why the session reached its status, when known",
				nullable = true) @Nullable String reason,
		@Schema(example = "2026-11-25T10:00:00Z") Instant createdAt,
		@Schema(example = "2026-11-25T10:00:00Z") Instant updatedAt,
		@Schema(example = "2026-12-02T10:00:00Z") Instant expiresAt,
		@Schema(nullable = true,
				description = "When the session reached a terminal status") @Nullable Instant completedAt,
		@Schema(example = "backoffice-service", description = "The caller that created the session") String createdBy,
		@Schema(example = "1", description = "Starts at 1 and grows by one at every change; the ETag") long version) {

	static SessionResponse of(Session session) {
		return new SessionResponse(session.getId(), session.getUserId(), session.getStatus(), session.getCallback(),
				session.getReason(), session.getCreatedAt(), session.getUpdatedAt(), session.getExpiresAt(),
				session.getCompletedAt(), session.getCreatedBy(), session.getVersion());
	}

	/**
	 * The answer the create request gave: a session is created in {@code CREATED} at
	 * version 1, and every other field of that answer never changes, so an idempotent
	 * replay can give it again whatever happened to the session since.
	 */
	static SessionResponse asCreated(Session session) {
		return new SessionResponse(session.getId(), session.getUserId(), SessionStatus.CREATED, session.getCallback(),
				null, session.getCreatedAt(), session.getCreatedAt(), session.getExpiresAt(), null,
				session.getCreatedBy(), 1);
	}

	String etag() {
		return "\"" + this.version + "\"";
	}

}
