package com.ekyc.admin.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The user has no such session ({@code 404}).
 */
public class SessionNotFoundException extends ErrorResponseException {

	SessionNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND,
				SessionProblems.of(HttpStatus.NOT_FOUND, "session-not-found", "Session not found", detail), null);
	}

}
