package com.ekyc.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request body passed the size limit ({@code 413}).
 */
class RequestBodyTooLargeException extends ErrorResponseException {

	RequestBodyTooLargeException(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE,
				Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes."),
				null);
	}

}
