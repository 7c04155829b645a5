package com.ekyc.admin.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error, whatever raised it, is an RFC 9457 problem: never HTML, never a stack
 * trace.
 */
class ErrorResponsesIntegrationTests extends IntegrationTest {

	@Test
	void answersUnknownPathWithNotFoundProblem() {
		ApiResponse response = api().get("/ekyc/nothing-here", adminToken());

		assertProblem(response, 404);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:ekyc:problem:not-found");
	}

	@Test
	void answersMissingTokenWithTypedProblem() {
		ApiResponse response = api().get("/ekyc/admin", null);

		assertProblem(response, 401);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:ekyc:problem:unauthorized");
	}

	@Test
	void answersWrongMethodWithMethodNotAllowedProblem() {
		ApiResponse response = api().send("DELETE", "/ekyc/admin", adminToken(), null);

		assertProblem(response, 405);
		assertThat(response.header("Allow")).contains("GET");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "foo", "a/b/c", "*/json", "application/json;q=x" })
	void answersUnacceptableOrMalformedAcceptWithProblem(String accept) {
		assertProblem(api().send("GET", "/ekyc/admin", adminToken(), null, "Accept", accept), 406);
	}

	// Negotiated with such an Accept header, an error would go out without its body.
	@ParameterizedTest
	@ValueSource(strings = { "text/html", "application/xml", "foo", "a/b/c", "application/json;q=x" })
	void answersAnErrorAsAProblemWhateverTheAcceptHeaderTakes(String accept) {
		assertProblem(api().send("GET", "/ekyc/nothing-here", adminToken(), null, "Accept", accept), 404);
		ApiResponse wrongMethod = api().send("DELETE", "/ekyc/admin", adminToken(), null, "Accept", accept);
		assertProblem(wrongMethod, 405);
		assertThat(wrongMethod.header("Allow")).contains("GET");
	}

	@Test
	void answersNonJsonBodyWithUnsupportedMediaTypeProblem() {
		String userId = newUserId();
		assertProblem(api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "callback=x", "Content-Type",
				"text/plain"), 415);
		createSession(userId);
		assertProblem(
				api().send("DELETE", "/ekyc/admin/" + userId, adminToken(), "reason=x", "Content-Type", "text/plain"),
				415);
	}

	@Test
	void answersABodyWithoutContentTypeOrToAnOperationWithoutBodyByItsType() {
		String userId = newUserId();
		createSession(userId);
		HttpRequest untyped = HttpRequest.newBuilder(URI.create(api().baseUrl() + "/ekyc/admin/" + userId))
			.header("Authorization", "Bearer " + adminToken())
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"reason\":\"r\"}"))
			.build();

		assertProblem(api().send(untyped), 415);
		// The retry takes no body; one sent all the same is held to the same rules.
		assertProblem(api().post("/ekyc/admin/" + userId + "/sessions/" + java.util.UUID.randomUUID() + "/callbacks/"
				+ java.util.UUID.randomUUID() + "/retry", adminToken(), "x", "Content-Type", "text/plain"), 415);
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(200);
	}

	@Test
	void answersACompressedBodyWithUnsupportedMediaTypeProblem() {
		ApiResponse answer = api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), "{}",
				"Content-Encoding", "gzip");

		assertProblem(answer, 415);
		assertThat(answer.json().get("detail").asString()).contains("Content-Encoding");
		assertProblem(api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), "{}", "Content-Encoding",
				"identity", "Content-Encoding", "gzip"), 415);
	}

	// A wildcard names no media type a body can be in.
	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "*/*; charset=utf-8" })
	void answersWildcardContentTypeWithUnsupportedMediaTypeProblem(String contentType) {
		String userId = newUserId();
		String sessionId = createSession(userId);

		assertProblem(
				api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}", "Content-Type", contentType),
				415);
		assertProblem(api().post("/ekyc/admin/" + userId + "/sessions/" + sessionId + "/status", adminToken(),
				"{\"status\":\"IN_PROGRESS\"}", "Content-Type", contentType), 415);
		assertProblem(api().send("DELETE", "/ekyc/admin/" + userId, adminToken(), "{\"reason\":\"r\"}", "Content-Type",
				contentType), 415);
	}

	@Test
	void refusesAContentTypeGivenTwice() {
		assertProblem(api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), "{}", "Content-Type",
				"application/json", "Content-Type", "text/plain"), 400);
	}

	@Test
	void refusesBodyDeclaredLargerThan16KiB() {
		String body = "{\"callback\":null}" + " ".repeat(16 * 1024);

		assertProblem(api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), body), 413);
	}

	@Test
	void refusesChunkedBodyLargerThan16KiB() {
		byte[] body = ("{\"callback\":null}" + " ".repeat(20 * 1024)).getBytes();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(api().baseUrl() + "/ekyc/admin/" + newUserId() + "/sessions"))
			.header("Authorization", "Bearer " + adminToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		assertProblem(api().send(request), 413);
	}

	@Test
	void refusesChunkedFormBodyOverTwoMegabytesBeforeParsingIt() {
		int port = URI.create(api().baseUrl()).getPort();
		String chunk = "a=" + "b".repeat(64 * 1024 - 3) + "&";
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
		}
		body.append("0\r\n\r\n");

		for (String token : new String[] { adminToken(), null }) {
			List<String> headers = new ArrayList<>(
					List.of("Transfer-Encoding: chunked", "Content-Type: application/x-www-form-urlencoded"));
			if (token != null) {
				headers.add("Authorization: Bearer " + token);
			}
			RawHttp.Response response = RawHttp.send(port, "POST", "/ekyc/admin/" + newUserId() + "/sessions", headers,
					body.toString().getBytes(StandardCharsets.US_ASCII));

			assertThat(response.status()).as(response.toString()).isEqualTo(413);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
		}
	}

	@Test
	void refusesFormBodyDeclaredLargerThan16KiB() {
		String body = "a=" + "b".repeat(20 * 1024);

		assertProblem(api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), body, "Content-Type",
				"application/x-www-form-urlencoded"), 413);
	}

	@Test
	void acceptsBodyOfExactly16KiB() {
		String json = "{\"callback\":null}";
		String body = json + " ".repeat(16 * 1024 - json.length());

		assertThat(api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), body).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ekyc/admin/a%2Fb/status", "/ekyc/admin/a%00b/status", "/ekyc/admin/%2e%2e/status",
			"/ekyc/admin/a;b=c/status", "/ekyc/admin/a%5Cb/status" })
	void answersRefusedPathsWithBadRequestProblem(String path) {
		ApiResponse response = api().get(path, adminToken());

		assertThat(response.status()).as(response.toString()).isIn(400, 404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("<html", "Exception", "at com.");
	}

	@Test
	void saysWhereMalformedJsonGoesWrong() {
		ApiResponse response = api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(),
				"{\n  \"callback\": }");

		assertProblem(response, 400);
		assertThat(response.json().get("detail").asString())
			.startsWith("The request body is not valid JSON at line 2, column");
	}

	private static void assertProblem(ApiResponse response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("title").asString()).isNotBlank();
		assertThat(response.json().get("type").asString()).startsWith("urn:ekyc:problem:");
		assertThat(response.json().get("instance").asString()).startsWith("/");
		assertThat(response.json().get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
	}

}
