package com.ekyc.admin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

/**
 * Answers a request without a valid token with {@code 401}: the RFC 6750
 * {@code WWW-Authenticate} header ({@code error="invalid_token"} when a token was sent)
 * and a problem body.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final ProblemResponseWriter problems;

	ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		HttpStatus status = HttpStatus.valueOf(response.getStatus());
		ProblemDetail problem = Problems.of(status, detail(ex));
		this.problems.write(request, response, problem);
	}

	private static String detail(AuthenticationException ex) {
		if (ex instanceof InvalidBearerTokenException) {
			return "The bearer token is not valid: " + ex.getMessage();
		}
		return "A valid bearer token is required.";
	}

}
