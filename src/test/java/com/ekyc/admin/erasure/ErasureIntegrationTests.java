package com.ekyc.admin.erasure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code DELETE /ekyc/admin/{userId}}: one transaction replaces the user id everywhere by
 * one pseudonym and removes callback URLs, reasons, payloads and idempotency records;
 * afterwards no copy of the user id is left in any text column of any table, and the
 * audit chain still verifies.
 */
class ErasureIntegrationTests extends IntegrationTest {

	private static final String CALLBACK = "https://93.184.216.34/ekyc/callback";

	@Test
	void leavesNoCopyOfTheUserIdAnywhereAndKeepsTheChainValid() {
		String userId = newUserId();
		String finished = createSessionWithCallback(userId, "first-try");
		changeStatus(userId, finished, "SUBMITTED", "documents sent by the user");
		changeStatus(userId, finished, "REJECTED", "photo of " + userId + " unreadable");
		// The user's audit records in two id ranges of the index by user.
		nextAuditRecordsInALaterIdRange();
		String active = createSessionWithCallback(userId, "second-try");
		changeStatus(userId, active, "IN_PROGRESS", null);
		// A delivery that finished keeps its counts but loses its URL and payload.
		jdbc()
			.sql("update callback_deliveries set status = 'DELIVERED', delivered_at = now() where session_id = ?::uuid")
			.param(finished)
			.update();
		api().get("/ekyc/admin/" + userId + "/status", adminToken());
		// A request id that names the user, as a caller may choose it.
		api().send("GET", "/ekyc/admin/" + userId + "/sessions", adminToken(), null, "X-Request-Id", "list-" + userId);

		ApiResponse erased = api().send("DELETE", "/ekyc/admin/" + userId + "?cancelActive=true", adminToken(),
				"{\"reason\":\"GDPR art. 17 request #123 of " + userId + "\"}", "X-Request-Id", "erase-" + userId);

		assertThat(erased.status()).as(erased.body()).isEqualTo(200);
		JsonNode body = erased.json();
		String pseudonym = body.get("pseudonym").asString();
		assertThat(pseudonym).matches("erased-[0-9a-f-]{36}");
		assertThat(body.get("userId").asString()).isEqualTo(userId);
		assertThat(body.get("sessions").asInt()).isEqualTo(2);
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(404);
		assertThat(api().get("/ekyc/admin/" + userId + "/sessions", adminToken()).json().get("items")).isEmpty();
		JsonNode cancelled = api().get("/ekyc/admin/" + pseudonym + "/sessions/" + active, adminToken()).json();
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("callback").isNull()).isTrue();
		assertThat(cancelled.get("reason").isNull()).isTrue();
		assertThat(jdbc()
			.sql("select count(*) from session_events where session_id in (?::uuid, ?::uuid) "
					+ "and reason is not null")
			.param(finished)
			.param(active)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc().sql("select count(*) from idempotency_keys where session_id in (?::uuid, ?::uuid)")
			.param(finished)
			.param(active)
			.query(Long.class)
			.single()).isZero();
		// The cancel's callback is still sent, naming the pseudonym; nothing else is
		// pending.
		List<Map<String, Object>> pending = jdbc()
			.sql("select session_id::text as session_id, payload from callback_deliveries "
					+ "where session_id in (?::uuid, ?::uuid) and status = 'PENDING'")
			.param(finished)
			.param(active)
			.query()
			.listOfRows();
		assertThat(pending).hasSize(1);
		assertThat(pending.get(0).get("session_id")).isEqualTo(active);
		assertThat((String) pending.get(0).get("payload")).contains(pseudonym, "CANCELLED");
		assertThat(jdbc()
			.sql("select count(*) from callback_deliveries where session_id = ?::uuid "
					+ "and (url is not null or payload is not null)")
			.param(finished)
			.query(Long.class)
			.single()).isZero();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(copiesOf(userId)).isEmpty());
		await().atMost(Duration.ofSeconds(5)).until(() -> unsealedAuditRecords() == 0);
		JsonNode record = api().get("/ekyc/admin/audit?operation=user.erase&userId=" + pseudonym, adminToken())
			.json()
			.get("items")
			.get(0);
		assertThat(record.get("actor").asString()).isEqualTo("backoffice-service");
		assertThat(record.get("status").asInt()).isEqualTo(200);
		assertThat(api().get("/ekyc/admin/audit?userId=" + pseudonym, adminToken()).json().get("items").size())
			.isGreaterThanOrEqualTo(8);
		JsonNode verification = api().get("/ekyc/admin/audit/verify", adminToken()).json();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
	}

	@Test
	void refusesAUserWithAnActiveSessionUnlessToldToCancelIt() {
		String userId = newUserId();
		String active = createSession(userId);

		ApiResponse refused = erase(userId, "", "{\"reason\":\"request #7\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("cancelActive=true");
		assertThat(refused.json().get("activeSessionId").asString()).isEqualTo(active);
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).json().get("status").asString())
			.isEqualTo("CREATED");
		assertThat(erase(userId, "?cancelActive=false", "{\"reason\":\"request #7\"}").status()).isEqualTo(409);
		ApiResponse twice = erase(userId, "?cancelActive=true&cancelActive=false", "{\"reason\":\"request #7\"}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body()).contains("cancelActive", "must be given once");
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(200);
	}

	@Test
	void answersNotFoundForAUserWithNothingStoredAndForASecondErasure() {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(com.ekyc.admin.session.SessionStatus.APPROVED).create();

		assertThat(erase(newUserId(), "", "{\"reason\":\"request #8\"}").status()).isEqualTo(404);
		assertThat(erase(userId, "", "{\"reason\":\"request #8\"}").status()).isEqualTo(200);
		ApiResponse again = erase(userId, "", "{\"reason\":\"request #8\"}");
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void answersNotFoundForAPseudonymAndKeepsTheChainValid() {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(com.ekyc.admin.session.SessionStatus.APPROVED).create();
		String pseudonym = erase(userId, "", "{\"reason\":\"request #9\"}").json().get("pseudonym").asString();

		ApiResponse again = erase(pseudonym, "", "{\"reason\":\"request #9\"}");

		assertThat(again.status()).isEqualTo(404);
		assertThat(api().get("/ekyc/admin/" + pseudonym + "/status", adminToken()).json().get("userId").asString())
			.isEqualTo(pseudonym);
		await().atMost(Duration.ofSeconds(5)).until(() -> unsealedAuditRecords() == 0);
		JsonNode verification = api().get("/ekyc/admin/audit/verify", adminToken()).json();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
	}

	@Test
	void askingAboutAnErasedIdDoesNotLeadToItsHistory() {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(com.ekyc.admin.session.SessionStatus.APPROVED).create();
		String pseudonym = erase(userId, "", "{\"reason\":\"request #10\"}").json().get("pseudonym").asString();
		String prober = "prober-" + java.util.UUID.randomUUID();

		// Refused, but recorded: the prober then reads which user id the record names.
		assertThat(
				api().get("/ekyc/admin/" + userId + "/status", issuer.token(prober, Permissions.AUDIT_READ)).status())
			.isEqualTo(403);

		await().atMost(Duration.ofSeconds(5)).until(() -> unsealedAuditRecords() == 0 && !probes(prober).isEmpty());
		assertThat(probes(prober)).singleElement().asString().startsWith("erased-").isNotEqualTo(pseudonym);
		JsonNode verification = api().get("/ekyc/admin/audit/verify", adminToken()).json();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
	}

	private List<String> probes(String prober) {
		return jdbc().sql("select user_id from audit_records where actor = ?").param(prober).query(String.class).list();
	}

	@Test
	void refusesASessionForAPseudonym() {
		ApiResponse refused = api().post("/ekyc/admin/erased-" + java.util.UUID.randomUUID() + "/sessions",
				adminToken(), "{}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{}", "{\"reason\":\"\"}", "{\"reason\":\"   \"}", "{\"reason\":null}",
			"{\"reason\":42}", "{\"reason\":\"a\\u0000b\"}", "{\"reason\":\"a\\u202Eb\"}",
			"{\"reason\":\"x\",\"extra\":1}", "[]", "{\"reason\":\"x\"" })
	void refusesABodyWithoutAValidReason(String body) {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(com.ekyc.admin.session.SessionStatus.APPROVED).create();

		ApiResponse answer = erase(userId, "", body.isEmpty() ? null : body);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).as("no names of the service's own classes").doesNotContain("com.ekyc");
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(200);
	}

	@Test
	void refusesAReasonLongerThan500Characters() {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(com.ekyc.admin.session.SessionStatus.APPROVED).create();

		assertThat(erase(userId, "", "{\"reason\":\"" + "r".repeat(501) + "\"}").status()).isEqualTo(400);
		assertThat(erase(userId, "", "{\"reason\":\"" + "r".repeat(500) + "\"}").status()).isEqualTo(200);
	}

	@Test
	void needsTheErasePermission() {
		String userId = newUserId();
		aSession().forUser(userId).inStatus(com.ekyc.admin.session.SessionStatus.APPROVED).create();
		String everythingElse = issuer.token("no-eraser", Permissions.LIST, Permissions.GET, Permissions.CREATE,
				Permissions.UPDATE, Permissions.AUDIT_READ);

		ApiResponse refused = api().send("DELETE", "/ekyc/admin/" + userId, everythingElse, "{\"reason\":\"x\"}");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("WWW-Authenticate")).contains("ekyc.user.erase");
	}

	private String createSessionWithCallback(String userId, String idempotencyKey) {
		ApiResponse created = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(),
				"{\"callback\":\"" + CALLBACK + "\"}", "Idempotency-Key", idempotencyKey);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().get("id").asString();
	}

	private void changeStatus(String userId, String sessionId, String status, String reason) {
		String body = "{\"status\":\"" + status + "\"" + ((reason != null) ? ",\"reason\":\"" + reason + "\"" : "")
				+ "}";
		ApiResponse changed = api().post("/ekyc/admin/" + userId + "/sessions/" + sessionId + "/status", adminToken(),
				body);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	private ApiResponse erase(String userId, String query, String body) {
		return api().send("DELETE", "/ekyc/admin/" + userId + query, adminToken(), body);
	}

	// Every text column of every table that holds the text, as table.column.
	private List<String> copiesOf(String text) {
		List<Map<String, Object>> columns = jdbc()
			.sql("""
					select table_name, column_name from information_schema.columns
					where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
					""")
			.query()
			.listOfRows();
		List<String> copies = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			long found = jdbc().sql("select count(*) from \"" + table + "\" where \"" + name + "\"::text like ?")
				.param("%" + text + "%")
				.query(Long.class)
				.single();
			if (found > 0) {
				copies.add(table + "." + name);
			}
		}
		return copies;
	}

}
