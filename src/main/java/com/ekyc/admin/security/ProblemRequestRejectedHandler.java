package com.ekyc.admin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

/**
 * Answers requests that Spring Security's firewall refuses with a {@code 400} problem
 * that says which part of the request was refused: a header (named), a parameter, or the
 * URL (encoded slashes, path traversal, disallowed characters).
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
		this.problems.write(request, response, Problems.refused(request));
	}

}
