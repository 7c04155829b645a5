package com.ekyc.admin.security;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;
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
		this.problems.write(request, response, problemFor(request));
	}

	private static ProblemDetail problemFor(HttpServletRequest request) {
		Optional<String> header = refusedHeader(request);
		if (header.isPresent()) {
			return Problems.invalidRequest("The header " + header.get() + " holds characters that are not allowed.",
					List.of(new Problems.FieldError(header.get(), "must hold printable characters only")));
		}
		if (request.getParameterMap().keySet().stream().anyMatch((name) -> !isAllowed(name))) {
			return Problems.invalidRequest("A query parameter name holds characters that are not allowed.", List.of());
		}
		return Problems.invalidRequest("The request URL contains characters or sequences that are not allowed.",
				List.of());
	}

	/**
	 * The first header the firewall refuses, by name; a name that is itself refused is
	 * not repeated back.
	 */
	private static Optional<String> refusedHeader(HttpServletRequest request) {
		for (String name : Collections.list(request.getHeaderNames())) {
			if (!isAllowed(name)) {
				return Optional.of("(a header name)");
			}
			for (String value : Collections.list(request.getHeaders(name))) {
				if (!isAllowed(value)) {
					return Optional.of(name);
				}
			}
		}
		return Optional.empty();
	}

	// The firewall's own rule for header and parameter names and header values.
	private static boolean isAllowed(String text) {
		return text.codePoints().allMatch((c) -> Character.isDefined(c) && !Character.isISOControl(c));
	}

}
