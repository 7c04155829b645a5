package com.ekyc.admin.session;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The user has an active session, which stands in the way of what was asked
 * ({@code 409}): a new session, or an erasure not told to cancel it. The problem names it
 * in {@code activeSessionId}.
 */
public class ActiveSessionExistsException extends ProblemException {

	private ActiveSessionExistsException(UUID activeSessionId, String detail) {
		super(Problems.of(HttpStatus.CONFLICT, "active-session-exists", "Active session exists", detail,
				Map.of("activeSessionId", activeSessionId)));
	}

	static ActiveSessionExistsException beforeStarting(UUID activeSessionId) {
		return new ActiveSessionExistsException(activeSessionId,
				"The user already has an active session; finish or cancel it before starting another.");
	}

	static ActiveSessionExistsException beforeErasing(UUID activeSessionId) {
		return new ActiveSessionExistsException(activeSessionId,
				"The user has an active session; cancel it first, or erase with cancelActive=true.");
	}

}
