package com.ekyc.admin.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

/**
 * Answers a valid token that lacks the endpoint's permission with {@code 403}:
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="<permission>"} and a
 * problem naming the permission in {@code missingPermission}.
 */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemResponseWriter problems;

	ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Optional<String> permission = EndpointPermissions.forRequest(request);
		String challenge = "Bearer error=\"insufficient_scope\", error_description=\"The token lacks the permission this request needs\""
				+ permission.map((name) -> ", scope=\"" + name + "\"").orElse("");
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN,
				permission.map((name) -> "The token lacks the permission " + name + " that this request needs.")
					.orElse("The token does not allow this request."));
		permission.ifPresent((name) -> problem.setProperty("missingPermission", name));
		this.problems.write(request, response, problem);
	}

}
