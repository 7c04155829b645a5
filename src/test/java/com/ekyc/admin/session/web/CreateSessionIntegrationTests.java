package com.ekyc.admin.session.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static com.ekyc.admin.session.SessionStatus.APPROVED;
import static org.assertj.core.api.Assertions.assertThat;

class CreateSessionIntegrationTests extends IntegrationTest {

	@Test
	void createsSessionWithoutBody() {
		String userId = newUserId();
		ApiResponse response = api().send("POST", "/ekyc/admin/" + userId + "/sessions", adminToken(), null);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode session = response.json();
		assertThat(session.get("userId").asString()).isEqualTo(userId);
		assertThat(session.get("status").asString()).isEqualTo("CREATED");
		assertThat(session.get("callback").isNull()).isTrue();
		assertThat(session.get("reason").isNull()).isTrue();
		assertThat(session.get("completedAt").isNull()).isTrue();
		assertThat(session.get("createdBy").asString()).isEqualTo("backoffice-service");
		assertThat(session.get("version").asLong()).isEqualTo(1);
		Instant createdAt = Instant.parse(session.get("createdAt").asString());
		assertThat(createdAt).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
		assertThat(session.get("updatedAt").asString()).isEqualTo(session.get("createdAt").asString());
		assertThat(Instant.parse(session.get("expiresAt").asString())).isEqualTo(createdAt.plus(Duration.ofDays(7)));
		assertThat(response.header("Location"))
			.isEqualTo("/ekyc/admin/" + userId + "/sessions/" + session.get("id").asString());
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		assertThat(response.header("Idempotent-Replayed")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"callback\":null}", "null" })
	void createsSessionWithEmptyBody(String body) {
		ApiResponse response = api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), body);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("callback").isNull()).isTrue();
	}

	@Test
	void createdSessionReadsBackTheSame() {
		String userId = newUserId();
		ApiResponse created = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(),
				"{\"callback\":\"https://93.184.216.34/ekyc/callback?tenant=7\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);

		ApiResponse read = api().get(created.header("Location"), adminToken());

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(created.json());
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.json().get("callback").asString()).isEqualTo("https://93.184.216.34/ekyc/callback?tenant=7");
	}

	@Test
	void recordsCreationAsFirstHistoryEvent() {
		String sessionId = createSession(newUserId());

		var event = jdbc().sql(
				"select sequence, from_status, to_status, actor from session_events where session_id = cast(:id as uuid)")
			.param("id", sessionId)
			.query()
			.singleRow();

		assertThat(event).containsEntry("sequence", 1)
			.containsEntry("to_status", "CREATED")
			.containsEntry("actor", "backoffice-service");
		assertThat(event.get("from_status")).isNull();
	}

	@Test
	void refusesSecondActiveSessionNamingTheActiveOne() {
		String userId = newUserId();
		String first = createSession(userId);

		ApiResponse second = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}");

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).isEqualTo("application/problem+json");
		assertThat(second.json().get("activeSessionId").asString()).isEqualTo(first);
		assertThat(second.json().get("type").asString()).isEqualTo("urn:ekyc:problem:active-session-exists");
		assertThat(second.json().get("instance").asString()).isEqualTo("/ekyc/admin/" + userId + "/sessions");
	}

	@Test
	void createsNewSessionOnceTheActiveOneEnded() {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(APPROVED).create();

		ApiResponse second = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}");

		assertThat(second.status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://93.184.216.34/cb", "ftp://93.184.216.34/cb", "/relative/cb",
			"https://user:pw@93.184.216.34/cb", "https://127.0.0.1/cb", "https://localhost/cb",
			"https://169.254.169.254/latest/meta-data", "https://[::1]/cb", "https://10.1.2.3/cb",
			"https://[::ffff:192.168.0.1]/cb", "not a url", "https://93.184.216.34:0/cb" })
	void refusesCallbackBreakingTheRules(String callback) {
		ApiResponse response = api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(),
				"{\"callback\":\"" + callback + "\"}");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("callback");
	}

	@Test
	void refusesCallbackLongerThan2048Characters() {
		String prefix = "https://93.184.216.34/";
		String exactly2048 = prefix + "a".repeat(2048 - prefix.length());

		assertThat(create("{\"callback\":\"" + exactly2048 + "\"}").status()).isEqualTo(200);
		assertThat(create("{\"callback\":\"" + exactly2048 + "b\"}").status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"callback\":\"https://93.184.216.34/cb\",\"extra\":1}", "{\"callBack\":\"x\"}" })
	void refusesUnknownMembers(String body) {
		ApiResponse response = create(body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("is not a known member");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"callback\":", "{callback:1}", "[]", "\"text\"", "{\"callback\":42}",
			"{\"callback\":true}", "{\"callback\":{}}", "{} {}",
			"{\"callback\":\"https://93.184.216.34/a\",\"callback\":\"https://93.184.216.34/b\"}" })
	void refusesMalformedOrMistypedJson(String body) {
		ApiResponse response = create(body);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

	private ApiResponse create(String body) {
		return api().post("/ekyc/admin/" + newUserId() + "/sessions", adminToken(), body);
	}

}
