package com.ekyc.admin.session;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem bodies of the session feature with their stable {@code type} URIs.
 */
final class SessionProblems {

	private SessionProblems() {
	}

	static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:ekyc:problem:" + slug));
		problem.setTitle(title);
		return problem;
	}

}
