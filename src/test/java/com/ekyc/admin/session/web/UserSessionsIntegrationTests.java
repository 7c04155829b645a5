package com.ekyc.admin.session.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static com.ekyc.admin.session.SessionStatus.APPROVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's sessions, status and single session, and the rules for user ids in paths.
 */
class UserSessionsIntegrationTests extends IntegrationTest {

	@Test
	void answersEmptyListForUserWithoutSessions() {
		String userId = newUserId();

		ApiResponse response = api().get("/ekyc/admin/" + userId + "/sessions", adminToken());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("userId").asString()).isEqualTo(userId);
		assertThat(response.json().get("items").isEmpty()).isTrue();
	}

	@Test
	void listsUserSessionsNewestFirst() {
		String userId = newUserId();
		String older = aSession().forUser(userId).inStatus(APPROVED).create();
		String newer = createSession(userId);
		createSession(newUserId());

		JsonNode items = api().get("/ekyc/admin/" + userId + "/sessions", adminToken()).json().get("items");

		assertThat(items.size()).isEqualTo(2);
		assertThat(items.get(0).get("id").asString()).isEqualTo(newer);
		assertThat(items.get(1).get("id").asString()).isEqualTo(older);
		assertThat(items.get(1).get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void answersStatusOfNewestSession() {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(APPROVED).create();
		String newest = createSession(userId);

		ApiResponse response = api().get("/ekyc/admin/" + userId + "/status", adminToken());

		assertThat(response.status()).isEqualTo(200);
		JsonNode status = response.json();
		assertThat(status.get("userId").asString()).isEqualTo(userId);
		assertThat(status.get("sessionId").asString()).isEqualTo(newest);
		assertThat(status.get("status").asString()).isEqualTo("CREATED");
		assertThat(status.get("reason").isNull()).isTrue();
		assertThat(status.has("updatedAt")).isTrue();
		assertThat(status.has("expiresAt")).isTrue();
	}

	@Test
	void answersNotFoundStatusForUserWithoutSessions() {
		ApiResponse response = api().get("/ekyc/admin/" + newUserId() + "/status", adminToken());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:ekyc:problem:session-not-found");
	}

	@Test
	void hidesSessionOfAnotherUser() {
		String sessionId = createSession(newUserId());

		ApiResponse response = api().get("/ekyc/admin/" + newUserId() + "/sessions/" + sessionId, adminToken());

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void answersNotFoundForUnknownSession() {
		ApiResponse response = api().get("/ekyc/admin/" + newUserId() + "/sessions/" + UUID.randomUUID(), adminToken());

		assertThat(response.status()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "1-1-1-1-1", "0b9c3c1e6f7a4a549d8e3f1f4d6f2a10",
			"0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10x", "+b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10" })
	void answersNonCanonicalSessionIdsLikeUnknownOnes(String sessionId) {
		ApiResponse response = api().get("/ekyc/admin/" + newUserId() + "/sessions/" + sessionId, adminToken());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "user%2042", "user%09x", "user%C2%A0x", "%E2%80%83", "user%7F" })
	void refusesUserIdWithWhiteSpaceOrControlCharacters(String userId) {
		for (String path : new String[] { "/sessions", "/status" }) {
			ApiResponse response = api().get("/ekyc/admin/" + userId + path, adminToken());

			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
		}
		ApiResponse create = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}");
		assertThat(create.status()).isEqualTo(400);
		assertThat(create.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
	}

	@Test
	void acceptsUserIdsUpTo255Characters() {
		String longest = "u".repeat(255);

		assertThat(api().get("/ekyc/admin/" + longest + "/sessions", adminToken()).status()).isEqualTo(200);
		assertThat(api().get("/ekyc/admin/" + longest + "u/sessions", adminToken()).status()).isEqualTo(400);
	}

	@Test
	void acceptsUserIdsWithAnyPrintableCharacters() {
		String userId = "usér-ü+42@tenant_" + UUID.randomUUID();
		String encoded = java.net.URLEncoder.encode(userId, java.nio.charset.StandardCharsets.UTF_8);

		ApiResponse created = api().post("/ekyc/admin/" + encoded + "/sessions", adminToken(), "{}");

		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.json().get("userId").asString()).isEqualTo(userId);
		assertThat(api().get(created.header("Location"), adminToken()).status()).isEqualTo(200);
	}

}
