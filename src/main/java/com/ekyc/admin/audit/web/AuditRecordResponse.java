package com.ekyc.admin.audit.web;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.audit.AuditRecord;

/**
 * One record of the audit trail as the API answers it.
 */
@Schema(name = "AuditRecord", description = "One authenticated request, as the audit trail keeps it.")
record AuditRecordResponse(@Schema(example = "4711") long id,
		@Schema(example = "2026-11-29T12:00:00.123Z") Instant occurredAt,
		@Schema(example = "backoffice-service") String actor,
		@Schema(example = "https://login.example/realms/ekyc", nullable = true) @Nullable String issuer,
		@Schema(example = "session.get", allowableValues = {
				"session.list", "session.get", "session.create", "session.status", "session.events", "callbacks.get",
				"callbacks.retry", "user.erase", "audit.read" }) String operation,
		@Schema(example = "user-42", nullable = true,
				description = "The user the request named; the pseudonym once the user is erased") @Nullable String userId,
		@Schema(nullable = true) @Nullable UUID sessionId,
		@Schema(example = "200", description = "The HTTP status answered") int status,
		@Schema(nullable = true) @Nullable String requestId, @Schema(nullable = true,
				description = "The record's link in the SHA-256 hash chain; null until sealed (within seconds)") @Nullable String hash){

	static AuditRecordResponse of(AuditRecord record) {
		return new AuditRecordResponse(Objects.requireNonNull(record.id()), record.occurredAt(), record.actor(),
				record.issuer(), record.operation(), record.userId(), record.sessionId(), record.status(),
				record.requestId(), record.hash());
	}

}
