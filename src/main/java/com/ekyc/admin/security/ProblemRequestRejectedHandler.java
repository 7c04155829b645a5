package com.ekyc.admin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

/**
 * Answers requests that Spring Security's firewall refuses (encoded slashes, path
 * traversal, disallowed characters) with a {@code 400} problem instead of an empty page.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private final ProblemResponseWriter problems;

	ProblemRequestRejectedHandler(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		this.problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST,
				"The request URL contains characters or sequences that are not allowed."));
	}

}
