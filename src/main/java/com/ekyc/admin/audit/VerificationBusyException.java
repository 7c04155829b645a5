package com.ekyc.admin.audit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * A verification of the chain is already running on this instance ({@code 503}, try again
 * shortly): one at a time keeps a reader of the whole trail from running twice.
 */
public class VerificationBusyException extends ProblemException {

	VerificationBusyException() {
		super(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "verification-busy", "Verification busy",
				"A verification of the audit trail is running; ask again in a few seconds."));
		getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
	}

}
