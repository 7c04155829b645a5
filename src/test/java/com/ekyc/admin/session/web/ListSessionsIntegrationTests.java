package com.ekyc.admin.session.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static com.ekyc.admin.session.SessionStatus.APPROVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /ekyc/admin}: newest first, paged by {@code start} and {@code limit},
 * filtered by status. Tests run one after another, so the sessions a test just created
 * are the newest.
 */
class ListSessionsIntegrationTests extends IntegrationTest {

	@Test
	void answersDefaultPage() {
		createSession(newUserId());

		JsonNode page = list("");

		assertThat(page.get("start").asInt()).isEqualTo(0);
		assertThat(page.get("limit").asInt()).isEqualTo(1024);
		assertThat(page.get("items").size()).isBetween(1, 1024);
	}

	@Test
	void listsNewestFirstAndPagesWithNextStart() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.add(createSession(newUserId()));
		}

		JsonNode first = list("?limit=2");
		JsonNode second = list("?limit=2&start=2");

		assertThat(ids(first)).containsExactly(created.get(2), created.get(1));
		assertThat(first.get("nextStart").asInt()).isEqualTo(2);
		assertThat(ids(second).get(0)).isEqualTo(created.get(0));
		assertThat(second.get("start").asInt()).isEqualTo(2);
	}

	@Test
	void pagesThroughEverySessionOnceInStableOrder() {
		for (int i = 0; i < 5; i++) {
			createSession(newUserId());
		}
		List<String> whole = ids(list("?limit=1024"));
		List<String> paged = new ArrayList<>();
		Integer start = 0;
		while (start != null && paged.size() < whole.size()) {
			JsonNode page = list("?limit=3&start=" + start);
			paged.addAll(ids(page));
			start = page.get("nextStart").isNull() ? null : page.get("nextStart").asInt();
		}

		assertThat(paged).startsWith(whole.subList(0, Math.min(whole.size(), paged.size())).toArray(String[]::new));
		assertThat(paged).doesNotHaveDuplicates();
	}

	@Test
	void endsWithNullNextStart() {
		JsonNode page = list("?start=2000000000&limit=1024");

		assertThat(page.get("items").isEmpty()).isTrue();
		assertThat(page.get("nextStart").isNull()).isTrue();
	}

	@Test
	void filtersByStatus() {
		String approved = aSession().inStatus(APPROVED).create();
		String open = createSession(newUserId());

		JsonNode onlyApproved = list("?status=APPROVED&limit=1024");
		JsonNode both = list("?status=APPROVED&status=CREATED&limit=2");

		assertThat(onlyApproved.get("items"))
			.allSatisfy((session) -> assertThat(session.get("status").asString()).isEqualTo("APPROVED"));
		assertThat(ids(onlyApproved)).contains(approved).doesNotContain(open);
		assertThat(ids(both)).containsExactly(open, approved);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "limit=0, limit", "limit=1025, limit", "limit=-1, limit", "limit=abc, limit", "limit=1.5, limit",
			"limit=2147483648, limit", "start=-1, start", "start=x, start", "start=99999999999, start",
			"status=DONE, status", "status=created, status" })
	void refusesInvalidParameterNamingIt(String query, String parameter) {
		ApiResponse response = api().get("/ekyc/admin?" + query, adminToken());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
	}

	@Test
	void treatsEmptyParametersAsAbsent() {
		createSession(newUserId());

		JsonNode page = list("?limit=&start=&status=");

		assertThat(page.get("limit").asInt()).isEqualTo(1024);
		assertThat(page.get("start").asInt()).isEqualTo(0);
		assertThat(page.get("items").isEmpty()).isFalse();
	}

	@Test
	void namesAllowedStatusesForUnknownOne() {
		ApiResponse response = api().get("/ekyc/admin?status=DONE", adminToken());

		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("CREATED", "APPROVED");
	}

	private JsonNode list(String query) {
		ApiResponse response = api().get("/ekyc/admin" + query, adminToken());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((session) -> ids.add(session.get("id").asString()));
		return ids;
	}

}
