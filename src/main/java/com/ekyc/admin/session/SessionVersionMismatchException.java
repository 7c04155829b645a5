package com.ekyc.admin.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The caller's {@code If-Match} names another version than the session's current one
 * ({@code 412}): someone changed it since the caller read it.
 */
public class SessionVersionMismatchException extends ErrorResponseException {

	SessionVersionMismatchException(long currentVersion) {
		super(HttpStatus.PRECONDITION_FAILED,
				SessionProblems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Session changed",
						"The session is at version " + currentVersion
								+ ", not the one If-Match names; read it again before changing it."),
				null);
		getBody().setProperty("currentVersion", currentVersion);
		getHeaders().setETag("\"" + currentVersion + "\"");
	}

}
