package com.ekyc.admin.session;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The user has no such session ({@code 404}).
 */
class SessionNotFoundException extends ProblemException {

	SessionNotFoundException(String detail) {
		super(Problems.of(HttpStatus.NOT_FOUND, "session-not-found", "Session not found", detail));
	}

}
