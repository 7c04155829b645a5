package com.ekyc.admin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

/**
 * Answers a request without a valid token with {@code 401}: the RFC 6750
 * {@code WWW-Authenticate} header ({@code error="invalid_token"} when a token was sent)
 * and a problem body; a request that carries its token wrongly (two {@code Authorization}
 * headers) with {@code 400} and {@code error="invalid_request"}; or with {@code 503} and
 * {@code Retry-After} when the token could not be judged because the issuer's keys were
 * never available.
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
		if (causedBy(ex, IssuerUnavailableException.class)) {
			// Not the caller's fault: no key of the issuer could be loaded yet.
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(IssuerKeys.MIN_REFRESH_INTERVAL.toSeconds()));
			this.problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
					"The token issuer's keys could not be loaded; try again later."));
			return;
		}
		this.bearer.commence(request, response, ex);
		HttpStatus status = HttpStatus.valueOf(response.getStatus());
		ProblemDetail problem = Problems.of(status, detail(ex));
		this.problems.write(request, response, problem);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String detail(AuthenticationException ex) {
		if (ex instanceof InvalidBearerTokenException) {
			return "The bearer token is not valid: " + ex.getMessage();
		}
		if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error
				&& error.getHttpStatus() == HttpStatus.BAD_REQUEST && error.getDescription() != null) {
			return error.getDescription() + ".";
		}
		return "A valid bearer token is required.";
	}

}
