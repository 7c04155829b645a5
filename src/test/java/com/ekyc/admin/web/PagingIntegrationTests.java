package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's sessions, a session's history and its callback deliveries are paged like the
 * admin list: a user with more items than a page never gets them all in one answer, and
 * the paging parameters are read strictly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingIntegrationTests extends IntegrationTest {

	private static final int ITEMS = 1030;

	private final String userId = newUserId();

	private final String sessionId = UUID.randomUUID().toString();

	@BeforeAll
	void seedMoreThanOnePageOfEach() {
		// Ended sessions: a user has at most one active one.
		jdbc().sql("""
				insert into sessions (id, user_id, status, created_at, updated_at, expires_at, completed_at,
				                      created_by, version)
				select case when g = 1 then cast(:sessionId as uuid) else gen_random_uuid() end, :userId,
				       'CANCELLED', now() - g * interval '1 second', now(), now() + interval '7 days', now(),
				       'seeder', 2
				from generate_series(1, :items) g""")
			.param("sessionId", this.sessionId)
			.param("userId", this.userId)
			.param("items", ITEMS)
			.update();
		jdbc().sql("""
				insert into session_events (session_id, sequence, from_status, to_status, actor, occurred_at)
				select cast(:sessionId as uuid), g, 'IN_PROGRESS', 'IN_PROGRESS', 'seeder',
				       now() - (:items - g) * interval '1 second'
				from generate_series(1, :items) g""").param("sessionId", this.sessionId).param("items", ITEMS).update();
		jdbc().sql("""
				insert into callback_deliveries (id, session_id, sequence, url, payload, status, attempts,
				                                 round_attempts, next_attempt_at, delivered_at, created_at)
				select gen_random_uuid(), cast(:sessionId as uuid), g, 'https://client.example/cb', '{}',
				       'DELIVERED', 1, 1, now(), now(), now()
				from generate_series(1, :items) g""").param("sessionId", this.sessionId).param("items", ITEMS).update();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "sessions", "events", "callbacks" })
	void answersAFullFirstPageByDefaultAndTheRestOnTheNext(String list) {
		ApiResponse firstAnswer = api().get(path(list), reader());
		assertThat(firstAnswer.status()).as(firstAnswer.toString()).isEqualTo(200);
		JsonNode first = firstAnswer.json();

		ApiResponse restAnswer = api().get(path(list) + "?start=" + first.get("nextStart").asInt(), reader());

		assertThat(first.get("items").size()).isEqualTo(1024);
		assertThat(first.get("start").asInt()).isEqualTo(0);
		assertThat(first.get("limit").asInt()).isEqualTo(1024);
		assertThat(first.get("nextStart").asInt()).isEqualTo(1024);
		assertThat(restAnswer.status()).as(restAnswer.toString()).isEqualTo(200);
		JsonNode rest = restAnswer.json();
		assertThat(rest.get("items").size()).isEqualTo(ITEMS - 1024);
		assertThat(rest.get("start").asInt()).isEqualTo(1024);
		assertThat(rest.get("limit").asInt()).isEqualTo(1024);
		assertThat(rest.get("nextStart").isNull()).isTrue();
		List<String> all = new ArrayList<>(keys(first, list));
		all.addAll(keys(rest, list));
		assertThat(all).hasSize(ITEMS).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "sessions", "events", "callbacks" })
	void answersSmallPagesInOrder(String list) {
		JsonNode page = api().get(path(list) + "?limit=3&start=2", reader()).json();
		JsonNode firstFive = api().get(path(list) + "?limit=5", reader()).json();

		assertThat(page.get("items").size()).isEqualTo(3);
		assertThat(page.get("limit").asInt()).isEqualTo(3);
		assertThat(page.get("nextStart").asInt()).isEqualTo(5);
		assertThat(keys(page, list)).containsExactlyElementsOf(keys(firstFive, list).subList(2, 5));
	}

	static Stream<Arguments> invalidParameters() {
		List<Arguments> cases = new ArrayList<>();
		for (String list : new String[] { "sessions", "events", "callbacks", "admin" }) {
			for (String[] query : new String[][] { { "limit=0", "limit" }, { "limit=1025", "limit" },
					{ "start=-1", "start" }, { "limit=0x10", "limit" }, { "limit=%2310", "limit" },
					{ "limit=abc", "limit" }, { "start=0x10", "start" }, { "start=%2310", "start" },
					{ "limit=+16", "limit" } }) {
				cases.add(Arguments.of(list, query[0], query[1]));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}?{1}")
	@MethodSource("invalidParameters")
	void refusesInvalidPagingParametersNamingThem(String list, String query, String parameter) {
		ApiResponse response = api().get(path(list) + "?" + query, adminToken());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactly(parameter);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "sessions", "events", "callbacks", "admin" })
	void namesEveryWrongPagingParameterInOneAnswer(String list) {
		ApiResponse response = api().get(path(list) + "?limit=2&limit=3&start=-1", adminToken());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").toString())
			.isEqualTo("[{\"field\":\"limit\",\"message\":\"must be given once\"},"
					+ "{\"field\":\"start\",\"message\":\"must be greater than or equal to 0\"}]");
		assertThat(response.json().get("detail").asString())
			.isEqualTo("The request is not valid: limit must be given once; start must be greater than or equal to 0.");
	}

	private String path(String list) {
		return switch (list) {
			case "sessions" -> "/ekyc/admin/" + this.userId + "/sessions";
			case "admin" -> "/ekyc/admin";
			default -> "/ekyc/admin/" + this.userId + "/sessions/" + this.sessionId + "/" + list;
		};
	}

	private static List<String> keys(JsonNode page, String list) {
		List<String> keys = new ArrayList<>();
		page.get("items").forEach((item) -> keys.add(item.get(list.equals("events") ? "sequence" : "id").asString()));
		return keys;
	}

	/** A client that may only read sessions, as in the finding. */
	private static String reader() {
		return issuer.token("paging-reader", Permissions.GET);
	}

}
