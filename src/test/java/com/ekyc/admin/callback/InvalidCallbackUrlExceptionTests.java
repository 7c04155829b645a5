package com.ekyc.admin.callback;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidCallbackUrlExceptionTests {

	@Test
	void describesTheBrokenRuleAsAnInvalidRequestProblem() {
		InvalidCallbackUrlException ex = new InvalidCallbackUrlException("must not contain user information");

		assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ProblemDetail problem = ex.getBody();
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).isEqualTo(URI.create("urn:ekyc:problem:invalid-request"));
		assertThat(problem.getTitle()).isEqualTo("Invalid request");
		assertThat(problem.getDetail()).isEqualTo("callback must not contain user information.");
		assertThat(problem.getProperties()).containsEntry("errors",
				List.of(Map.of("field", "callback", "message", "must not contain user information")));
	}

	@Test
	void namesTheRuleTheGuardFoundBroken() {
		CallbackUrlGuard guard = CallbackUrlGuardTests.guard(CallbackUrlGuardTests.resolvesTo("93.184.216.34"));

		try {
			guard.choose("https://user@example.com/cb");
		}
		catch (InvalidCallbackUrlException ex) {
			assertThat(ex.getBody().getProperties()).containsEntry("errors",
					List.of(Map.of("field", "callback", "message", "must not contain user information")));
			return;
		}
		throw new AssertionError("The guard accepted a URL with user information");
	}

}
