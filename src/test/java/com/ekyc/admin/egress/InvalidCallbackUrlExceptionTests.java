package com.ekyc.admin.egress;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.ekyc.admin.web.Problems;

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
				List.of(new Problems.FieldError("callback", "must not contain user information")));
	}

	@Test
	void namesTheRuleTheGuardFoundBroken() {
		CallbackAddressGuard guard = CallbackAddressGuardTests
			.guard(CallbackAddressGuardTests.resolvesTo("93.184.216.34"));

		try {
			guard.check("https://user@example.com/cb");
		}
		catch (InvalidCallbackUrlException ex) {
			assertThat(ex.getBody().getProperties()).containsEntry("errors",
					List.of(new Problems.FieldError("callback", "must not contain user information")));
			return;
		}
		throw new AssertionError("The guard accepted a URL with user information");
	}

}
