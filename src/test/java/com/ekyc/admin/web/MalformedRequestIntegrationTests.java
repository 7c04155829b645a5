package com.ekyc.admin.web;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that HTTP client libraries would not even send, as an attacker or a fuzzer
 * sends them byte for byte: malformed query strings, unknown methods, non-ASCII header
 * values, the error page's own path. Each is a client error answered with a problem,
 * never a 500, and none leaves a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestIntegrationTests extends IntegrationTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "?=0.0", "?=", "?x=%", "?x=%FF", "?x=%G1", "?limit=1&=&x=%", "?x=[1]", "?x={a}" })
	void answersMalformedQueryStringsWithBadRequestWithoutStackTrace(String query, CapturedOutput output) {
		List<RawHttp.Response> answers = List.of(RawHttp.get(apiPort(), "/ekyc/admin" + query),
				RawHttp.get(apiPort(), "/ekyc/admin" + query, "Authorization: Bearer " + adminToken()),
				RawHttp.get(apiPort(), "/ekyc/admin/user-42/sessions" + query, "Authorization: Bearer " + adminToken()),
				RawHttp.get(apiPort(), "/readyz" + query), RawHttp.get(apiPort(), "/actuator/health" + query));

		assertThat(answers).allSatisfy((answer) -> assertProblem(answer, 400));
		assertNoStackTraceOrError(output);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "?=0.0", "?=", "?x=%", "?x=%FF" })
	void answersMalformedQueryStringsOnTheManagementPortWithBadRequestWithoutStackTrace(String query,
			CapturedOutput output) {
		assertProblem(RawHttp.get(managementPort(), "/actuator/health" + query), 400);
		assertProblem(RawHttp.get(managementPort(), "/actuator/prometheus" + query), 400);
		assertNoStackTraceOrError(output);
	}

	@Test
	void answersUnknownMethodWithMethodNotAllowed(CapturedOutput output) {
		RawHttp.Response answer = RawHttp.send(apiPort(), "QUERY", "/ekyc/admin",
				List.of("Authorization: Bearer " + adminToken()), null);

		assertProblem(answer, 405);
		assertThat(answer.header("Allow")).contains("GET");
		assertNoStackTraceOrError(output);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Bearer €", "Bearer ünïcödé", "Bearer \u0085x" })
	void answersNonAsciiAuthorizationNamingTheHeaderNotTheUrl(String authorization, CapturedOutput output) {
		RawHttp.Response answer = RawHttp.get(apiPort(), "/ekyc/admin", "Authorization: " + authorization);

		assertThat(answer.status()).as(answer.toString()).isIn(400, 401);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		if (answer.status() == 400) {
			assertThat(answer.json().get("detail").asString()).containsIgnoringCase("Authorization")
				.doesNotContain("URL");
		}
		assertNoStackTraceOrError(output);
	}

	@Test
	void answersTheErrorPagesPathWithNotFound(CapturedOutput output) {
		assertProblem(RawHttp.get(apiPort(), "/error"), 404);
		assertProblem(RawHttp.get(apiPort(), "/error", "Authorization: Bearer " + adminToken()), 404);
		assertProblem(RawHttp.send(apiPort(), "POST", "/error", List.of("Content-Length: 0"), null), 404);
		assertProblem(RawHttp.get(apiPort(), "/error", "Accept: text/html"), 404);
		assertProblem(RawHttp.get(apiPort(), "/error", "Accept: a/b/c"), 404);
		assertNoStackTraceOrError(output);
	}

	private static void assertProblem(RawHttp.Response answer, int status) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.contentType()).as(answer.toString()).isEqualTo("application/problem+json");
		assertThat(answer.json().get("status").asInt()).isEqualTo(status);
		assertThat(answer.json().get("detail").asString()).isNotBlank();
		assertThat(answer.body()).doesNotContain("Exception", "<html");
	}

	private static void assertNoStackTraceOrError(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain("\tat ", "\\tat ", "stack_trace", "\"level\":\"ERROR\"");
	}

	private int apiPort() {
		return URI.create(api().baseUrl()).getPort();
	}

	private int managementPort() {
		return URI.create(management().baseUrl()).getPort();
	}

}
