package com.ekyc.admin.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An {@code Idempotency-Key} came back with another user or body than it was first used
 * with ({@code 422}).
 */
public class IdempotencyKeyReusedException extends ErrorResponseException {

	IdempotencyKeyReusedException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, SessionProblems.of(HttpStatus.UNPROCESSABLE_CONTENT,
				"idempotency-key-reused", "Idempotency key reused",
				"This Idempotency-Key was already used for a different request; use a new key for a new request."),
				null);
	}

}
