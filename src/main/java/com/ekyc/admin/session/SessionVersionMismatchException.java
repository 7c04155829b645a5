package com.ekyc.admin.session;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The caller's {@code If-Match} names another version than the session's current one
 * ({@code 412}): someone changed it since the caller read it. The answer carries the
 * current version, in {@code currentVersion} and as the {@code ETag}.
 */
class SessionVersionMismatchException extends ProblemException {

	SessionVersionMismatchException(long currentVersion) {
		super(Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Session changed",
				"The session is at version " + currentVersion
						+ ", not the one If-Match names; read it again before changing it.",
				Map.of("currentVersion", currentVersion)));
		getHeaders().setETag("\"" + currentVersion + "\"");
	}

}
