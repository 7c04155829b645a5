package com.ekyc.admin.session;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * An {@code Idempotency-Key} came back with another user or body than it was first used
 * with ({@code 422}).
 */
class IdempotencyKeyReusedException extends ProblemException {

	IdempotencyKeyReusedException() {
		super(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
				"This Idempotency-Key was already used for a different request; use a new key for a new request."));
	}

}
