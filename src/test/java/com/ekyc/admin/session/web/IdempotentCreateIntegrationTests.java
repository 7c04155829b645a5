package com.ekyc.admin.session.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.IntegrationTest;

import static com.ekyc.admin.session.SessionStatus.APPROVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key}: the same key from the same caller within the window answers
 * the first answer again and creates nothing; with another user or body it is refused.
 */
class IdempotentCreateIntegrationTests extends IntegrationTest {

	private static final String CALLBACK = "{\"callback\":\"https://93.184.216.34/cb\"}";

	@Test
	void replaysFirstAnswerWithoutCreatingAnything() {
		String userId = newUserId();
		String key = UUID.randomUUID().toString();
		ApiResponse first = create(userId, CALLBACK, key);

		ApiResponse again = create(userId, CALLBACK, key);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(sessionsOf(userId)).hasSize(1);
	}

	@Test
	void replaysFirstAnswerEvenAfterTheSessionChanged() {
		String userId = newUserId();
		String key = UUID.randomUUID().toString();
		ApiResponse first = create(userId, "{}", key);
		aSession().forUser(userId).inStatus(APPROVED).moveExisting(first.json().get("id").asString());

		ApiResponse again = create(userId, "{}", key);

		assertThat(again.json()).isEqualTo(first.json());
		assertThat(again.json().get("status").asString()).isEqualTo("CREATED");
		assertThat(sessionsOf(userId)).hasSize(1);
	}

	@Test
	void refusesSameKeyForAnotherBody() {
		String userId = newUserId();
		String key = UUID.randomUUID().toString();
		create(userId, CALLBACK, key);

		ApiResponse other = create(userId, "{}", key);

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("type").asString()).isEqualTo("urn:ekyc:problem:idempotency-key-reused");
	}

	@Test
	void refusesAKeyGivenTwice() {
		String userId = newUserId();

		ApiResponse twice = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}", "Idempotency-Key",
				"a", "Idempotency-Key", "b");

		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(404);
	}

	@Test
	void refusesSameKeyForAnotherUser() {
		String key = UUID.randomUUID().toString();
		create(newUserId(), "{}", key);

		ApiResponse other = create(newUserId(), "{}", key);

		assertThat(other.status()).isEqualTo(422);
	}

	@Test
	void keepsKeysOfDifferentCallersApart() {
		String key = UUID.randomUUID().toString();
		String userId = newUserId();
		ApiResponse mine = create(userId, "{}", key);
		aSession().forUser(userId).inStatus(APPROVED).moveExisting(mine.json().get("id").asString());

		ApiResponse theirs = api().post("/ekyc/admin/" + userId + "/sessions",
				issuer.token("another-service", Permissions.CREATE), "{}", "Idempotency-Key", key);

		assertThat(theirs.status()).isEqualTo(200);
		assertThat(theirs.header("Idempotent-Replayed")).isNull();
		assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
	}

	@Test
	void keepsKeysOfASubjectApartFromTheClientOfTheSameName() {
		String key = UUID.randomUUID().toString();
		String userId = newUserId();
		String client = "client-" + UUID.randomUUID();
		ApiResponse byClient = api().post("/ekyc/admin/" + userId + "/sessions",
				issuer.sign(issuer.claims("some-subject", Permissions.CREATE)
					.claim("azp", client)
					.claim("client_id", null)
					.build()),
				"{}", "Idempotency-Key", key);
		aSession().forUser(userId).inStatus(APPROVED).moveExisting(byClient.json().get("id").asString());

		ApiResponse bySubject = api().post("/ekyc/admin/" + userId + "/sessions",
				issuer.sign(
						issuer.claims(client, Permissions.CREATE).claim("azp", null).claim("client_id", null).build()),
				"{}", "Idempotency-Key", key);

		assertThat(byClient.status()).isEqualTo(200);
		assertThat(byClient.json().get("createdBy").asString()).isEqualTo(client);
		assertThat(bySubject.status()).as(bySubject.toString()).isEqualTo(200);
		assertThat(bySubject.header("Idempotent-Replayed")).isNull();
		assertThat(bySubject.json().get("id")).isNotEqualTo(byClient.json().get("id"));
		assertThat(bySubject.json().get("createdBy").asString()).isEqualTo(client);
		assertThat(sessionsOf(userId)).hasSize(2);
	}

	@Test
	void forgetsRefusedRequests() {
		String userId = newUserId();
		createSession(userId);
		String key = UUID.randomUUID().toString();
		assertThat(create(userId, "{}", key).status()).isEqualTo(409);

		ApiResponse again = create(userId, "{}", key);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void takesOverKeyWhoseWindowHasPassed() {
		String userId = newUserId();
		String key = UUID.randomUUID().toString();
		ApiResponse first = create(userId, "{}", key);
		aSession().forUser(userId).inStatus(APPROVED).moveExisting(first.json().get("id").asString());
		jdbc().sql("update idempotency_keys set expires_at = now() - interval '1 second' where key = :key")
			.param("key", key)
			.update();

		ApiResponse later = create(userId, "{}", key);

		assertThat(later.status()).isEqualTo(200);
		assertThat(later.header("Idempotent-Replayed")).isNull();
		assertThat(later.json().get("id")).isNotEqualTo(first.json().get("id"));
	}

	@Test
	void refusesKeysOutsideOneTo255Characters() {
		assertThat(create(newUserId(), "{}", "k".repeat(255)).status()).isEqualTo(200);
		ApiResponse tooLong = create(newUserId(), "{}", "k".repeat(256));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("idempotencyKey");
	}

	@Test
	void concurrentRequestsWithOneKeyCreateOneSession() throws Exception {
		String userId = newUserId();
		String key = UUID.randomUUID().toString();

		List<ApiResponse> answers = Concurrently.run(12, () -> create(userId, CALLBACK, key));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
		assertThat(answers).extracting((answer) -> answer.json().get("id").asString())
			.containsOnly(answers.get(0).json().get("id").asString());
		assertThat(answers).filteredOn((answer) -> answer.header("Idempotent-Replayed") == null).hasSize(1);
		assertThat(sessionsOf(userId)).hasSize(1);
	}

	private List<?> sessionsOf(String userId) {
		return jdbc().sql("select id from sessions where user_id = :user").param("user", userId).query().listOfRows();
	}

	private ApiResponse create(String userId, String body, String key) {
		return api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), body, "Idempotency-Key", key);
	}

}
