package com.ekyc.admin.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a feature raises, answered with the problem it carries (built by
 * {@link Problems}) and that problem's status.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(ProblemDetail problem) {
		super(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
	}

}
