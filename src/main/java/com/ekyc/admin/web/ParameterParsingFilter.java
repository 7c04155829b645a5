package com.ekyc.admin.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses the request's parameters before anything else asks for them, so that a malformed
 * query string or form body ({@code ?=0.0}, {@code ?x=%}, {@code ?x=%FF}) is a
 * {@code 400} problem, and a form body over the size limit a {@code 413}, instead of an
 * exception thrown from deep inside the request firewall or a controller. Runs before
 * security, so the same holds on endpoints that need no token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ParameterParsingFilter extends OncePerRequestFilter {

	private final ProblemResponseWriter problems;

	ParameterParsingFilter(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	/**
	 * The answer to parameters Tomcat could not parse: {@code 413} for a form body over
	 * the limit, else {@code 400}.
	 */
	static ProblemDetail problemFor(InvalidParameterException ex) {
		if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return RequestBodyTooLargeException.problem(RequestBodyLimitFilter.MAX_BODY_BYTES);
		}
		return Problems.invalidRequest("The query string or form body is malformed.", List
			.of(new Problems.FieldError("query", "must be name=value pairs joined by &, percent-encoded UTF-8")));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			this.problems.write(request, response, problemFor(ex));
			return;
		}
		chain.doFilter(request, response);
	}

}
