package com.ekyc.admin.session.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.web.KeysetCursor;

import static com.ekyc.admin.session.SessionStatus.APPROVED;
import static com.ekyc.admin.session.SessionStatus.REJECTED;
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
	void pagesByCursorThroughTheSameSessionsAsByStart() {
		for (int i = 0; i < 7; i++) {
			createSession(newUserId());
		}
		JsonNode first = list("?limit=3");
		List<String> byStart = new ArrayList<>(ids(first));
		byStart.addAll(ids(list("?limit=3&start=3")));
		byStart.addAll(ids(list("?limit=3&start=6")));

		List<String> byCursor = new ArrayList<>(ids(first));
		JsonNode second = list("?limit=3&cursor=" + first.get("nextCursor").asString());
		byCursor.addAll(ids(second));
		JsonNode third = list("?limit=3&cursor=" + second.get("nextCursor").asString());
		byCursor.addAll(ids(third));

		assertThat(byCursor).hasSize(9).isEqualTo(byStart);
		assertThat(second.get("start").isNull()).isTrue();
		assertThat(second.get("nextStart").isNull()).isTrue();
	}

	@Test
	void keepsItsPlaceWhenSessionsAreCreatedBetweenPages() {
		for (int i = 0; i < 4; i++) {
			createSession(newUserId());
		}
		JsonNode first = list("?limit=2");
		JsonNode expected = list("?limit=2&start=2");
		createSession(newUserId());

		JsonNode second = list("?limit=2&cursor=" + first.get("nextCursor").asString());

		assertThat(ids(second)).isEqualTo(ids(expected));
	}

	@Test
	void endsWithNullNextCursor() {
		aSession().inStatus(REJECTED).create();
		aSession().inStatus(REJECTED).create();
		List<String> whole = ids(list("?status=REJECTED&limit=1024"));

		List<String> walked = new ArrayList<>();
		JsonNode page = list("?status=REJECTED&limit=1");
		walked.addAll(ids(page));
		while (!page.get("nextCursor").isNull() && walked.size() <= whole.size()) {
			page = list("?status=REJECTED&limit=1&cursor=" + page.get("nextCursor").asString());
			walked.addAll(ids(page));
		}

		assertThat(walked).isEqualTo(whole);
		assertThat(page.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void filtersByStatusAlongTheCursor() {
		String approved = aSession().inStatus(APPROVED).create();
		createSession(newUserId());
		String olderApproved = aSession().inStatus(APPROVED).create();
		createSession(newUserId());

		JsonNode first = list("?status=APPROVED&limit=1");
		JsonNode second = list("?status=APPROVED&limit=1&cursor=" + first.get("nextCursor").asString());

		assertThat(ids(first)).containsExactly(olderApproved);
		assertThat(ids(second)).containsExactly(approved);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "start=3; and start cannot be used together",
			"status=APPROVED; was given for other filters: send the same filter parameters as the first page" })
	void refusesACursorWithStartOrOtherFilters(String other, String message) {
		createSession(newUserId());
		createSession(newUserId());
		String cursor = list("?limit=1").get("nextCursor").asString();

		ApiResponse response = api().get("/ekyc/admin?limit=1&cursor=" + cursor + "&" + other, adminToken());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
		assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "x", "czF8", "czF8bm90LWEtdGltZXxub3QtYS11dWlkfA",
			"czF8MjAyNi0xMS0yOVQxMjowMDowMFp8MDE5YWM0YjItN2YxZS03YzNhLThkMmUtNGIxZjVhOWMzZDEwfERPTkU",
			"czF8MjAyNi0xMS0yOVQxMjowMDowMFp8MS0xLTEtMS0xfA", "a,b",
			"czF8KzEwMDAwMDAwMDAtMTItMzFUMjM6NTk6NTlafDAxOWFjNGIyLTdmMWUtN2MzYS04ZDJlLTRiMWY1YTljM2QxMHw",
			"czF8KzMwMDAwMC0wMS0wMVQwMDowMDowMFp8MDE5YWM0YjItN2YxZS03YzNhLThkMmUtNGIxZjVhOWMzZDEwfA",
			"czF8LTUwMDAtMDEtMDFUMDA6MDA6MDBafDAxOWFjNGIyLTdmMWUtN2MzYS04ZDJlLTRiMWY1YTljM2QxMHw" })
	void refusesWhatIsNotACursorOfThisService(String cursor) {
		ApiResponse response = api().get("/ekyc/admin?cursor=" + cursor, adminToken());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
	}

	@Test
	void refusesAnOverlongCursor() {
		ApiResponse response = api().get("/ekyc/admin?cursor=" + "A".repeat(KeysetCursor.MAX_LENGTH + 1), adminToken());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
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
