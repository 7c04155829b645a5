package com.ekyc.admin.session.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is read strictly: enums by their exact names, text without NUL, unpaired
 * surrogates or format characters, user ids without format characters, ids only in their
 * canonical form. What is refused changes nothing.
 */
class StrictInputIntegrationTests extends IntegrationTest {

	/** What {@code UUID.fromString("1-1-1-1-1")} reads. */
	private static final String LENIENT_ID = "00000001-0001-0001-0001-000000000001";

	private static final String LENIENT_ID_OWNER = "user-with-lenient-ids";

	@BeforeEach
	void seedSessionAndDeliveryWhoseIdsHaveAShortSpelling() {
		jdbc().sql("""
				insert into sessions (id, user_id, status, created_at, updated_at, expires_at, created_by, version)
				values (cast(:id as uuid), :userId, 'CREATED', now(), now(), now() + interval '7 days', 'seeder', 1)
				on conflict (id) do nothing""").param("id", LENIENT_ID).param("userId", LENIENT_ID_OWNER).update();
		jdbc().sql("""
				insert into callback_deliveries (id, session_id, sequence, url, payload, status, attempts,
				                                 round_attempts, next_attempt_at, created_at)
				values (cast(:id as uuid), cast(:id as uuid), 2, 'https://client.example/cb', '{}', 'FAILED', 8, 8,
				        now(), now())
				on conflict (id) do nothing""").param("id", LENIENT_ID).update();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"status\": 2}", "{\"status\": 5}", "{\"status\": \"4\"}", "{\"status\": \"1\"}",
			"{\"status\": \"approved\"}", "{\"status\": 2.0}", "{\"status\": \"IN_PROGRESS \"}",
			"{\"status\": \" IN_PROGRESS\"}", "{\"status\": \"IN_PROGRESS\\n\"}" })
	void refusesAnythingButTheExactNameAsStatus(String body) {
		String userId = newUserId();
		String sessionId = createSession(userId);

		ApiResponse response = api().post(sessionPath(userId, sessionId) + "/status", updater(), body);

		assertInvalidNaming(response, "status");
		JsonNode session = api().get(sessionPath(userId, sessionId), adminToken()).json();
		assertThat(session.get("status").asString()).isEqualTo("CREATED");
		assertThat(session.get("version").asLong()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "CREATED%20", "%20CREATED", "CREATED%0A", "created", "CREATED,APPROVED",
			"CREATED&status=APPROVED%20" })
	void refusesAnythingButTheExactNameAsStatusFilter(String status) {
		assertInvalidNaming(api().get("/ekyc/admin?status=" + status, adminToken()), "status");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "yes", "1", "on", "TRUE", "%20true", "true%00" })
	void refusesAnythingButTrueOrFalseAsCancelActive(String cancelActive) {
		String userId = newUserId();
		createSession(userId);

		ApiResponse response = api().send("DELETE", "/ekyc/admin/" + userId + "?cancelActive=" + cancelActive,
				adminToken(), "{\"reason\":\"request #1\"}");

		assertInvalidNaming(response, "cancelActive");
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "nul \\u0000 inside", "lone \\ud800 high surrogate", "lone \\udc00 low surrogate",
			"right-to-left \\u202e override", "zero \\u200b width", "bom \\ufeff" })
	void refusesReasonTheDatabaseCannotStoreOrThatHidesText(String reason) {
		String userId = newUserId();
		String sessionId = createSession(userId);

		ApiResponse response = api().post(sessionPath(userId, sessionId) + "/status", updater(),
				"{\"status\":\"IN_PROGRESS\",\"reason\":\"" + reason + "\"}");

		assertInvalidNaming(response, "reason");
		JsonNode history = api().get(sessionPath(userId, sessionId) + "/events", adminToken()).json().get("items");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).get("to").asString()).isEqualTo("CREATED");
		assertThat(api().get(sessionPath(userId, sessionId), adminToken()).json().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void acceptsReasonWithOrdinaryUnicode() {
		String userId = newUserId();
		String sessionId = createSession(userId);

		ApiResponse response = api().post(sessionPath(userId, sessionId) + "/status", updater(),
				"{\"status\":\"IN_PROGRESS\",\"reason\":\"ok \\ud83d\\ude00 検証\"}");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("reason").asString()).isEqualTo("ok \uD83D\uDE00 検証");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "%E2%80%AE", "%E2%80%8B", "%E2%81%A6", "%EF%BB%BF" })
	void refusesUserIdWithFormatCharactersStoringNothing(String encoded) {
		String prefix = newUserId();

		ApiResponse response = api().post("/ekyc/admin/" + prefix + encoded + "x/sessions", adminToken(), "{}");

		assertInvalidNaming(response, "userId");
		assertThat(jdbc().sql("select count(*) from sessions where user_id like :prefix || '%'")
			.param("prefix", prefix)
			.query(Long.class)
			.single()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "/events", "/callbacks" })
	void answersShortSpellingOfAnExistingSessionIdLikeAnUnknownId(String list) {
		ApiResponse canonical = api().get(sessionPath(LENIENT_ID_OWNER, LENIENT_ID) + list, adminToken());
		ApiResponse shortSpelling = api().get(sessionPath(LENIENT_ID_OWNER, "1-1-1-1-1") + list, adminToken());

		assertThat(canonical.status()).as(canonical.toString()).isEqualTo(200);
		assertNotFound(shortSpelling);
	}

	@Test
	void changesNothingThroughAShortSpellingOfASessionId() {
		ApiResponse response = api().post(sessionPath(LENIENT_ID_OWNER, "1-1-1-1-1") + "/status", updater(),
				"{\"status\":\"CANCELLED\"}");

		assertNotFound(response);
		JsonNode session = api().get(sessionPath(LENIENT_ID_OWNER, LENIENT_ID), adminToken()).json();
		assertThat(session.get("status").asString()).isEqualTo("CREATED");
		assertThat(session.get("version").asLong()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}/{1}")
	@CsvSource({ "1-1-1-1-1, " + LENIENT_ID, LENIENT_ID + ", 1-1-1-1-1", "1-1-1-1-1, 1-1-1-1-1" })
	void retriesNothingThroughAShortSpellingOfAnId(String sessionId, String deliveryId) {
		ApiResponse response = api()
			.post(sessionPath(LENIENT_ID_OWNER, sessionId) + "/callbacks/" + deliveryId + "/retry", updater(), null);

		assertNotFound(response);
		assertThat(jdbc().sql("select status from callback_deliveries where id = cast(:id as uuid)")
			.param("id", LENIENT_ID)
			.query(String.class)
			.single()).isEqualTo("FAILED");
	}

	@Test
	void answersUnknownCanonicalIdsWithNotFoundToo() {
		String unknown = UUID.randomUUID().toString();

		assertNotFound(api().get(sessionPath(LENIENT_ID_OWNER, unknown), adminToken()));
		assertNotFound(api().post(sessionPath(LENIENT_ID_OWNER, LENIENT_ID) + "/callbacks/" + unknown + "/retry",
				updater(), null));
	}

	private static void assertInvalidNaming(ApiResponse response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactly(field);
	}

	private static void assertNotFound(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
	}

	private static String updater() {
		return issuer.token("reviewer", Permissions.UPDATE, Permissions.GET);
	}

	private static String sessionPath(String userId, String sessionId) {
		return "/ekyc/admin/" + userId + "/sessions/" + sessionId;
	}

}
