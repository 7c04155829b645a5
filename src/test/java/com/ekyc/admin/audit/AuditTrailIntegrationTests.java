package com.ekyc.admin.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /ekyc/admin/audit}: every authenticated request for an operation is recorded
 * once, whatever its outcome; changes with the change, reads within a second; searched
 * newest first by user, actor, operation and time, paged by cursor.
 */
class AuditTrailIntegrationTests extends IntegrationTest {

	private static final Duration READ_DELAY = Duration.ofSeconds(2);

	@Autowired
	private PendingRecords pending;

	@Test
	void recordsAChangeInItsTransactionBeforeItIsAnswered() {
		String userId = newUserId();
		String requestId = "create-" + UUID.randomUUID();

		ApiResponse created = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}", "X-Request-Id",
				requestId);

		// No waiting: the record committed with the session.
		List<JsonNode> records = recordsOf(userId);
		assertThat(records).hasSize(1);
		JsonNode record = records.get(0);
		assertThat(record.get("operation").asString()).isEqualTo("session.create");
		assertThat(record.get("status").asInt()).isEqualTo(200);
		assertThat(record.get("actor").asString()).isEqualTo("backoffice-service");
		assertThat(record.get("issuer").asString()).isEqualTo(issuer.issuerUri());
		assertThat(record.get("sessionId").asString()).isEqualTo(created.json().get("id").asString());
		assertThat(record.get("requestId").asString()).isEqualTo(requestId);
	}

	@Test
	void recordsReadsWithinASecondWithTheirOutcome() {
		String userId = newUserId();
		String sessionId = createSession(userId);
		Instant before = Instant.now();

		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(200);
		assertThat(api().get("/ekyc/admin/" + userId + "/sessions/" + sessionId + "/events", adminToken()).status())
			.isEqualTo(200);
		assertThat(api().get("/ekyc/admin/" + userId + "/sessions/" + UUID.randomUUID(), adminToken()).status())
			.isEqualTo(404);

		await().atMost(READ_DELAY).until(() -> recordsOf(userId).size() == 4);
		assertThat(Duration.between(before, Instant.now())).isLessThan(READ_DELAY);
		List<JsonNode> records = recordsOf(userId);
		assertThat(records).extracting((record) -> record.get("operation").asString())
			.containsExactly("session.get", "session.events", "session.get", "session.create");
		assertThat(records).extracting((record) -> record.get("status").asInt()).containsExactly(404, 200, 200, 200);
		assertThat(records.get(1).get("sessionId").asString()).isEqualTo(sessionId);
	}

	@Test
	void recordsRequestsRefusedForAMissingPermissionButNotUnauthenticatedOnes() {
		String userId = newUserId();
		String reader = "reader-" + UUID.randomUUID();

		assertThat(
				api().post("/ekyc/admin/" + userId + "/sessions", issuer.token(reader, Permissions.GET), "{}").status())
			.isEqualTo(403);
		assertThat(api().get("/ekyc/admin/" + userId + "/status", null).status()).isEqualTo(401);
		assertThat(api().get("/ekyc/admin/" + userId + "/status", "not-a-token").status()).isEqualTo(401);

		await().atMost(READ_DELAY).until(() -> !recordsOf(userId).isEmpty());
		flushed();
		List<JsonNode> records = recordsOf(userId);
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("operation").asString()).isEqualTo("session.create");
		assertThat(records.get(0).get("status").asInt()).isEqualTo(403);
		assertThat(records.get(0).get("actor").asString()).isEqualTo(reader);
	}

	@Test
	void recordsAFailedChangeOnceWithWhatItWasAnswered() {
		String userId = newUserId();
		createSession(userId);
		String requestId = "conflict-" + UUID.randomUUID();

		assertThat(api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}", "X-Request-Id", requestId)
			.status()).isEqualTo(409);

		await().atMost(READ_DELAY).until(() -> recordsOf(userId).size() == 2);
		flushed();
		List<JsonNode> records = recordsOf(userId);
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("status").asInt()).isEqualTo(409);
		assertThat(records.get(0).get("requestId").asString()).isEqualTo(requestId);
	}

	@Test
	void recordsARepeatedStatusAndAnIdempotentReplayAsReadsOnce() {
		String userId = newUserId();
		String sessionId = createSession(userId);
		String path = "/ekyc/admin/" + userId + "/sessions/" + sessionId + "/status";

		assertThat(api().post(path, adminToken(), "{\"status\":\"IN_PROGRESS\"}").status()).isEqualTo(200);
		assertThat(api().post(path, adminToken(), "{\"status\":\"IN_PROGRESS\"}").status()).isEqualTo(200);

		String replayed = newUserId();
		String created = "/ekyc/admin/" + replayed + "/sessions";
		assertThat(api().post(created, adminToken(), "{}", "Idempotency-Key", "once-" + replayed).status())
			.isEqualTo(200);
		ApiResponse replay = api().post(created, adminToken(), "{}", "Idempotency-Key", "once-" + replayed);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

		await().atMost(READ_DELAY).until(() -> recordsOf(userId).size() == 3 && recordsOf(replayed).size() == 2);
		flushed();
		assertThat(recordsOf(userId)).extracting((record) -> record.get("operation").asString())
			.containsExactly("session.status", "session.status", "session.create");
		assertThat(recordsOf(replayed)).extracting((record) -> record.get("operation").asString())
			.containsExactly("session.create", "session.create");
	}

	@Test
	void searchesByActorOperationAndTimeNewestFirst() {
		String actor = "auditor-test-" + UUID.randomUUID();
		String token = issuer.token(actor, Permissions.GET);
		Instant from = Instant.now().minusSeconds(1);
		String userId = newUserId();
		for (int i = 0; i < 3; i++) {
			api().get("/ekyc/admin/" + userId + "/status", token);
		}
		api().get("/ekyc/admin/" + userId + "/sessions", token);
		await().atMost(READ_DELAY).until(() -> search("?actor=" + actor).get("items").size() == 4);

		assertThat(search("?actor=" + actor + "&operation=session.get").get("items")).hasSize(4);
		assertThat(search("?actor=" + actor + "&operation=session.list").get("items")).isEmpty();
		assertThat(search("?actor=" + actor + "&from=" + from).get("items")).hasSize(4);
		assertThat(search("?actor=" + actor + "&to=" + from).get("items")).isEmpty();
		List<Long> ids = new ArrayList<>();
		search("?actor=" + actor).get("items").forEach((record) -> ids.add(record.get("id").asLong()));
		assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void pagesByCursorThroughEveryRecordOnce() {
		String actor = "pager-" + UUID.randomUUID();
		String token = issuer.token(actor, Permissions.GET);
		for (int i = 0; i < 7; i++) {
			api().get("/ekyc/admin/" + newUserId() + "/status", token);
		}
		await().atMost(READ_DELAY).until(() -> search("?actor=" + actor).get("items").size() == 7);

		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = search("?actor=" + actor + "&limit=3" + ((cursor != null) ? "&cursor=" + cursor : ""));
			page.get("items").forEach((record) -> paged.add(record.get("id").asLong()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		List<Long> whole = new ArrayList<>();
		search("?actor=" + actor).get("items").forEach((record) -> whole.add(record.get("id").asLong()));
		assertThat(paged).containsExactlyElementsOf(whole);
	}

	@Test
	void searchesAUsersRecordsInEveryIdRangeNewestFirst() {
		String userId = newUserId();
		String token = adminToken();
		createSession(userId);
		nextAuditRecordsInALaterIdRange();
		api().get("/ekyc/admin/" + userId + "/status", token);
		flushed();
		nextAuditRecordsInALaterIdRange();
		api().get("/ekyc/admin/" + userId + "/sessions", token);
		api().get("/ekyc/admin/" + userId + "/status", token);
		flushed();

		List<JsonNode> records = recordsOf(userId);
		assertThat(records).extracting((record) -> record.get("operation").asString())
			.containsExactly("session.get", "session.get", "session.get", "session.create");
		List<Long> ids = records.stream().map((record) -> record.get("id").asLong()).toList();
		assertThat(ids.stream().map((id) -> id >> 18).distinct()).hasSize(3);
		assertThat(search("?userId=" + userId + "&operation=session.create").get("items")).hasSize(1);
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = search("?userId=" + userId + "&limit=1" + ((cursor != null) ? "&cursor=" + cursor : ""));
			page.get("items").forEach((record) -> paged.add(record.get("id").asLong()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(paged).containsExactlyElementsOf(ids);
	}

	@Test
	void startsACursorPastTheNewestRecordAtTheNewest() {
		String userId = newUserId();
		createSession(userId);
		api().get("/ekyc/admin/" + userId + "/status", adminToken());
		flushed();
		String cursor = search("?userId=" + userId + "&limit=1").get("nextCursor").asString();
		String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
		String farAhead = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((parts[0] + "|999999999999999999|" + parts[2]).getBytes(StandardCharsets.UTF_8));

		JsonNode page = search("?userId=" + userId + "&cursor=" + farAhead);

		assertThat(page.get("items")).extracting((record) -> record.get("operation").asString())
			.containsExactly("session.get", "session.create");
	}

	@Test
	void refusesACursorWithOtherFilters() {
		String actor = "cursor-" + UUID.randomUUID();
		String token = issuer.token(actor, Permissions.GET);
		api().get("/ekyc/admin/" + newUserId() + "/status", token);
		api().get("/ekyc/admin/" + newUserId() + "/status", token);
		await().atMost(READ_DELAY).until(() -> search("?actor=" + actor).get("items").size() == 2);
		String cursor = search("?actor=" + actor + "&limit=1").get("nextCursor").asString();

		ApiResponse other = api().get("/ekyc/admin/audit?limit=1&cursor=" + cursor, adminToken());

		assertThat(other.status()).isEqualTo(400);
		assertThat(other.body()).contains("cursor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?operation=session.delete", "?from=yesterday", "?to=2026-13-01T00:00:00Z",
			"?from=%2B1000000000-01-01T00:00:00Z", "?start=0", "?limit=0", "?limit=1025", "?cursor=x", "?userId=a/b",
			"?userId=..", "?actor=", "?actor=a&actor=b", "?userId=u&userId=v",
			"?operation=session.get&operation=session.get", "?from=2026-01-01T00:00:00Z&from=2026-01-02T00:00:00Z" })
	void refusesMalformedSearches(String query) {
		ApiResponse answer = api().get("/ekyc/admin/audit" + query, adminToken());

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void needsTheAuditPermission() {
		String everythingElse = issuer.token("no-auditor", Permissions.LIST, Permissions.GET, Permissions.CREATE,
				Permissions.UPDATE, Permissions.ERASE);

		assertThat(api().get("/ekyc/admin/audit", everythingElse).status()).isEqualTo(403);
		assertThat(api().get("/ekyc/admin/audit/verify", everythingElse).status()).isEqualTo(403);
		assertThat(api().get("/ekyc/admin/audit", issuer.token("auditor", Permissions.AUDIT_READ)).status())
			.isEqualTo(200);
	}

	private List<JsonNode> recordsOf(String userId) {
		List<JsonNode> records = new ArrayList<>();
		search("?userId=" + userId).get("items").forEach(records::add);
		return records;
	}

	private JsonNode search(String query) {
		ApiResponse answer = api().get("/ekyc/admin/audit" + query, adminToken());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	// Writes the records of reads still waiting, so that a count is final.
	private void flushed() {
		assertThat(this.pending.flush()).isTrue();
	}

}
