package com.ekyc.admin.session.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.ekyc.admin.session.Session;

/**
 * All sessions of one user.
 */
@Schema(name = "UserSessions", description = "A user's sessions, newest first; empty when the user has none.")
record UserSessionsResponse(@Schema(example = "user-42") String userId, List<SessionResponse> items) {

	static UserSessionsResponse of(String userId, List<Session> sessions) {
		return new UserSessionsResponse(userId, sessions.stream().map(SessionResponse::of).toList());
	}

}
