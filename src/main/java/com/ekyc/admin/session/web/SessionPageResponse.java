package com.ekyc.admin.session.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.database.OffsetPage;
import com.ekyc.admin.session.Session;

/**
 * A page of the list of all sessions.
 */
@Schema(name = "SessionPage", description = "A page of sessions, newest first.")
record SessionPageResponse(List<SessionResponse> items, @Schema(example = "0") int start,
		@Schema(example = "1024") int limit, @Schema(example = "1024", nullable = true,
				description = "The start of the next page, or null when nothing follows") @Nullable Integer nextStart) {

	static SessionPageResponse of(OffsetPage<Session> page) {
		return new SessionPageResponse(page.items().stream().map(SessionResponse::of).toList(), page.start(),
				page.limit(), page.nextStart());
	}

}
