package com.ekyc.admin.session;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The asked move is not in the table of allowed moves ({@code 409}); the problem names
 * the current status and the moves allowed from it.
 */
public class StatusChangeNotAllowedException extends ErrorResponseException {

	StatusChangeNotAllowedException(SessionStatus current, SessionStatus asked) {
		super(HttpStatus.CONFLICT,
				SessionProblems.of(HttpStatus.CONFLICT, "status-change-not-allowed", "Status change not allowed",
						"A session in " + current + " cannot move to " + asked + "."
								+ (current.isTerminal() ? " " + current + " is terminal." : "")),
				null);
		getBody().setProperty("currentStatus", current);
		getBody().setProperty("allowedStatuses", List.copyOf(current.allowedMoves()));
	}

}
