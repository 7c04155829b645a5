package com.ekyc.admin.session;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The user already has an active session, so no new one can start ({@code 409}); the
 * problem names it in {@code activeSessionId}.
 */
public class ActiveSessionExistsException extends ErrorResponseException {

	ActiveSessionExistsException(UUID activeSessionId) {
		super(HttpStatus.CONFLICT,
				SessionProblems.of(HttpStatus.CONFLICT, "active-session-exists", "Active session exists",
						"The user already has an active session; finish or cancel it before starting another."),
				null);
		getBody().setProperty("activeSessionId", activeSessionId);
	}

}
