package com.ekyc.admin.session.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.session.SessionEvent;
import com.ekyc.admin.session.SessionStatus;

/**
 * One entry of a session's history.
 */
@Schema(name = "SessionEvent", description = "A status change of a session, creation included.")
record SessionEventResponse(@Schema(example = "2") int sequence,
		@Schema(nullable = true, example = "CREATED",
				description = "null for the creation") @Nullable SessionStatus from,
		@Schema(example = "IN_PROGRESS") SessionStatus to, @Schema(nullable = true) @Nullable String reason,
		@Schema(example = "backoffice-service") String actor, Instant occurredAt) {

	static SessionEventResponse of(SessionEvent event) {
		return new SessionEventResponse(event.getSequence(), event.getFrom(), event.getTo(), event.getReason(),
				event.getActor(), event.getOccurredAt());
	}

	/**
	 * A session's history, oldest first.
	 */
	@Schema(name = "SessionHistory")
	record History(List<SessionEventResponse> items) {

		static History of(List<SessionEvent> events) {
			return new History(events.stream().map(SessionEventResponse::of).toList());
		}

	}

}
