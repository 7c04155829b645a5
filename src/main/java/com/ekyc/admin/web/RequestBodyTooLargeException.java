package com.ekyc.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body passed the size limit ({@code 413}).
 */
class RequestBodyTooLargeException extends ErrorResponseException {

	RequestBodyTooLargeException(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, problem(limit), null);
	}

	static ProblemDetail problem(long limit) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
	}

}
