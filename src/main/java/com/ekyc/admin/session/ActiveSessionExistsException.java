package com.ekyc.admin.session;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The user already has an active session, so no new one can start ({@code 409}); the
 * problem names it in {@code activeSessionId}.
 */
public class ActiveSessionExistsException extends ProblemException {

	public ActiveSessionExistsException(UUID activeSessionId) {
		super(Problems.of(HttpStatus.CONFLICT, "active-session-exists", "Active session exists",
				"The user already has an active session; finish or cancel it before starting another.",
				Map.of("activeSessionId", activeSessionId)));
	}

}
