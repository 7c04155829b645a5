package com.ekyc.admin.callback;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A requested callback URL breaks one of the rules ({@code 400}); {@code errors} names
 * the {@code callback} field and the rule.
 */
public class InvalidCallbackUrlException extends ErrorResponseException {

	InvalidCallbackUrlException(String message) {
		super(HttpStatus.BAD_REQUEST, problem(message), null);
	}

	private static ProblemDetail problem(String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "callback " + message + ".");
		problem.setType(URI.create("urn:ekyc:problem:invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", "callback", "message", message)));
		return problem;
	}

}
