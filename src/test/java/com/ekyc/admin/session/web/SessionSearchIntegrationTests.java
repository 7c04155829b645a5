package com.ekyc.admin.session.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office's search ({@code createdFrom}, {@code createdTo}, {@code createdBy},
 * with {@code status} and along the cursor) and figures ({@code GET /ekyc/admin/stats}),
 * which must equal what counting the sessions gives.
 */
class SessionSearchIntegrationTests extends IntegrationTest {

	@Test
	void filtersByCreatorAndCreationTimeAlongTheCursor() {
		String creator = "creator-" + UUID.randomUUID();
		String token = issuer.token(creator, Permissions.CREATE, Permissions.UPDATE);
		List<String> created = new ArrayList<>();
		Instant before = Instant.now().minusMillis(1);
		for (int i = 0; i < 5; i++) {
			created
				.add(api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}").json().get("id").asString());
		}
		createSession(newUserId());

		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = list("?createdBy=" + creator + "&createdFrom=" + before + "&limit=2"
					+ ((cursor != null) ? "&cursor=" + cursor : ""));
			page.get("items").forEach((session) -> {
				assertThat(session.get("createdBy").asString()).isEqualTo(creator);
				paged.add(session.get("id").asString());
			});
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);

		List<String> newestFirst = new ArrayList<>(created);
		Collections.reverse(newestFirst);
		assertThat(paged).containsExactlyElementsOf(newestFirst);
		assertThat(ids(list("?createdBy=" + creator + "&createdTo=" + before))).isEmpty();
		assertThat(ids(list("?createdBy=" + creator + "&status=APPROVED"))).isEmpty();
		assertThat(ids(list("?createdBy=" + creator + "&status=CREATED&createdFrom=" + before))).hasSize(5);
	}

	@Test
	void refusesACursorGivenForAnotherCreator() {
		String creator = "creator-" + UUID.randomUUID();
		String token = issuer.token(creator, Permissions.CREATE);
		api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}");
		api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}");
		String cursor = list("?createdBy=" + creator + "&limit=1").get("nextCursor").asString();

		ApiResponse other = api().get("/ekyc/admin?createdBy=someone-else&limit=1&cursor=" + cursor, adminToken());

		assertThat(other.status()).isEqualTo(400);
		assertThat(other.body()).contains("cursor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?createdFrom=yesterday", "?createdTo=2026-02-30T00:00:00Z",
			"?createdFrom=%2B1000000000-01-01T00:00:00Z", "?createdFrom=2026-01-01", "?createdBy=", "?createdBy=a%00b",
			"?createdBy=x&createdBy=y", "?createdFrom=2026-01-01T00:00:00Z&createdFrom=2026-01-02T00:00:00Z" })
	void refusesMalformedFilters(String query) {
		ApiResponse answer = api().get("/ekyc/admin" + query, adminToken());

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void answersFiguresThatMatchTheSessions() {
		createSession(newUserId());
		aSession().inStatus(SessionStatus.APPROVED).create();
		aSession().inStatus(SessionStatus.CANCELLED).create();

		ApiResponse answer = api().get("/ekyc/admin/stats", issuer.token("figures", Permissions.LIST));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode stats = answer.json();
		Map<String, Long> counted = new HashMap<>();
		for (SessionStatus status : SessionStatus.values()) {
			counted.put(status.name(), 0L);
		}
		jdbc().sql("select status, count(*) from sessions group by status")
			.query((row, rowNumber) -> counted.put(row.getString(1), row.getLong(2)))
			.list();
		Map<String, Long> answered = new HashMap<>();
		stats.get("byStatus").properties().forEach((entry) -> answered.put(entry.getKey(), entry.getValue().asLong()));
		assertThat(answered).isEqualTo(counted);
		assertThat(stats.get("total").asLong()).isEqualTo(counted.values().stream().mapToLong(Long::longValue).sum());
		Instant oldestActive = jdbc().sql("""
				select min(created_at) from sessions
				where status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED')""")
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
		assertThat(Instant.parse(stats.get("oldestActiveCreatedAt").asString())).isEqualTo(oldestActive);
		assertThat(api().get("/ekyc/admin/stats", issuer.token("reader", Permissions.GET)).status()).isEqualTo(403);
	}

	private JsonNode list(String query) {
		ApiResponse answer = api().get("/ekyc/admin" + query, adminToken());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((session) -> ids.add(session.get("id").asString()));
		return ids;
	}

}
