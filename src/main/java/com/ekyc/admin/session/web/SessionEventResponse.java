package com.ekyc.admin.session.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.database.OffsetPage;
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
	 * A page of a session's history, oldest first.
	 */
	@Schema(name = "SessionHistory", description = "A page of a session's history, oldest first.")
	record History(List<SessionEventResponse> items, @Schema(example = "0") int start,
			@Schema(example = "1024") int limit, @Schema(example = "1024", nullable = true,
					description = "The start of the next page, or null when nothing follows") @Nullable Integer nextStart) {

		static History of(OffsetPage<SessionEvent> page) {
			return new History(page.items().stream().map(SessionEventResponse::of).toList(), page.start(), page.limit(),
					page.nextStart());
		}

	}

}
