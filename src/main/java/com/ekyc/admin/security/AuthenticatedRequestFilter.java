package com.ekyc.admin.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

/**
 * Shows each authenticated request under {@code /ekyc/admin} to the
 * {@link AuthenticatedRequestObserver}s, with the operation it asked for: part of the
 * security filter chain, after the token is checked and before the rate limit and
 * authorization, so that refused requests are seen too.
 */
class AuthenticatedRequestFilter extends OncePerRequestFilter {

	private static final String API_PATH = "/ekyc/admin";

	private final List<AuthenticatedRequestObserver> observers;

	private final ProblemResponseWriter problems;

	AuthenticatedRequestFilter(List<AuthenticatedRequestObserver> observers, ProblemResponseWriter problems) {
		this.observers = observers;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.observers.isEmpty() || !request.getRequestURI().startsWith(API_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			chain.doFilter(request, response);
			return;
		}
		// The claim as sent: reading it as a URL would parse it at every request.
		AuthenticatedRequest authenticated = new AuthenticatedRequest(token.getName(),
				token.getToken().getClaimAsString(JwtClaimNames.ISS));
		for (AuthenticatedRequestObserver observer : this.observers) {
			if (!observer.admit(authenticated)) {
				response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				this.problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
						"The service cannot take this request now; try again in a moment."));
				return;
			}
		}
		int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			ApiOperation operation = ApiOperation.of(request).orElse(null);
			for (AuthenticatedRequestObserver observer : this.observers) {
				observer.completed(authenticated, operation, status);
			}
		}
	}

}
