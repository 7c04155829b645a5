package com.ekyc.admin.session.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.database.OffsetPage;
import com.ekyc.admin.session.Session;

/**
 * A page of one user's sessions.
 */
@Schema(name = "UserSessions", description = "A page of a user's sessions, newest first; empty when the user has none.")
record UserSessionsResponse(@Schema(example = "user-42") String userId, List<SessionResponse> items,
		@Schema(example = "0") int start, @Schema(example = "1024") int limit,
		@Schema(example = "1024", nullable = true,
				description = "The start of the next page, or null when nothing follows") @Nullable Integer nextStart) {

	static UserSessionsResponse of(String userId, OffsetPage<Session> page) {
		return new UserSessionsResponse(userId, page.items().stream().map(SessionResponse::of).toList(), page.start(),
				page.limit(), page.nextStart());
	}

}
