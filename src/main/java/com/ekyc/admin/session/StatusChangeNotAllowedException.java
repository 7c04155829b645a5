package com.ekyc.admin.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The asked move is not in the table of allowed moves ({@code 409}); the problem names
 * the current status and the moves allowed from it.
 */
class StatusChangeNotAllowedException extends ProblemException {

	StatusChangeNotAllowedException(SessionStatus current, SessionStatus asked) {
		super(Problems.of(HttpStatus.CONFLICT, "status-change-not-allowed", "Status change not allowed",
				"A session in " + current + " cannot move to " + asked + "."
						+ (current.isTerminal() ? " " + current + " is terminal." : ""),
				members(current)));
	}

	private static Map<String, Object> members(SessionStatus current) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("currentStatus", current);
		members.put("allowedStatuses", List.copyOf(current.allowedMoves()));
		return members;
	}

}
