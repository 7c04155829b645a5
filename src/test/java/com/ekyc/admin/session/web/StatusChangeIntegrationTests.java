package com.ekyc.admin.session.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pair of statuses through the API: allowed moves change the session, its version
 * and its history; the others are refused with the allowed ones listed.
 */
class StatusChangeIntegrationTests extends IntegrationTest {

	private static final Map<SessionStatus, List<String>> PATH_TO = Map.of(SessionStatus.CREATED, List.of(),
			SessionStatus.IN_PROGRESS, List.of("IN_PROGRESS"), SessionStatus.SUBMITTED, List.of("SUBMITTED"),
			SessionStatus.IN_REVIEW, List.of("SUBMITTED", "IN_REVIEW"), SessionStatus.RESUBMISSION_REQUESTED,
			List.of("SUBMITTED", "RESUBMISSION_REQUESTED"), SessionStatus.APPROVED, List.of("SUBMITTED", "APPROVED"),
			SessionStatus.REJECTED, List.of("SUBMITTED", "REJECTED"), SessionStatus.CANCELLED, List.of("CANCELLED"));

	static Stream<Arguments> everyPair() {
		return Stream.of(SessionStatus.values())
			.filter(PATH_TO::containsKey)
			.flatMap((from) -> Stream.of(SessionStatus.values()).map((to) -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void changesOrRefusesEveryPairAsTheTableSays(SessionStatus from, SessionStatus to) {
		String userId = newUserId();
		String sessionId = createSession(userId);
		PATH_TO.get(from).forEach((step) -> assertThat(move(userId, sessionId, step, null).status()).isEqualTo(200));
		JsonNode before = api().get(sessionPath(userId, sessionId), adminToken()).json();

		ApiResponse answer = move(userId, sessionId, to.name(), "because");

		JsonNode history = api().get(sessionPath(userId, sessionId) + "/events", adminToken()).json().get("items");
		long version = before.get("version").asLong();
		if (from == to) {
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.json().get("version").asLong()).isEqualTo(version);
			assertThat(history.size()).isEqualTo((int) version);
		}
		else if (from.canMoveTo(to)) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.json().get("status").asString()).isEqualTo(to.name());
			assertThat(answer.json().get("reason").asString()).isEqualTo("because");
			assertThat(answer.json().get("version").asLong()).isEqualTo(version + 1);
			assertThat(answer.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
			assertThat(answer.json().get("completedAt").isNull()).isEqualTo(!to.isTerminal());
			JsonNode last = history.get(history.size() - 1);
			assertThat(history.size()).isEqualTo((int) version + 1);
			assertThat(last.get("sequence").asInt()).isEqualTo((int) version + 1);
			assertThat(last.get("from").asString()).isEqualTo(from.name());
			assertThat(last.get("to").asString()).isEqualTo(to.name());
			assertThat(last.get("actor").asString()).isEqualTo("reviewer");
		}
		else {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
			assertThat(answer.json().get("currentStatus").asString()).isEqualTo(from.name());
			Set<String> allowed = new HashSet<>();
			answer.json().get("allowedStatuses").forEach((status) -> allowed.add(status.asString()));
			assertThat(allowed).isEqualTo(names(from.allowedMoves()));
			assertThat(history.size()).isEqualTo((int) version);
		}
	}

	@Test
	void recordsCreationAndEveryChangeInOrder() {
		String userId = newUserId();
		String sessionId = createSession(userId);
		move(userId, sessionId, "IN_PROGRESS", null);
		move(userId, sessionId, "SUBMITTED", "documents uploaded");

		JsonNode items = api().get(sessionPath(userId, sessionId) + "/events", adminToken()).json().get("items");

		assertThat(items.size()).isEqualTo(3);
		assertThat(items.get(0).get("from").isNull()).isTrue();
		assertThat(items.get(0).get("to").asString()).isEqualTo("CREATED");
		assertThat(items.get(0).get("actor").asString()).isEqualTo("backoffice-service");
		assertThat(items.get(2).get("reason").asString()).isEqualTo("documents uploaded");
		assertThat(items.get(2).get("sequence").asInt()).isEqualTo(3);
	}

	@Test
	void changesOnlyTheVersionIfMatchNames() {
		String userId = newUserId();
		String sessionId = createSession(userId);

		ApiResponse stale = move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "\"2\"");
		ApiResponse current = move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "\"1\"");
		ApiResponse any = move(userId, sessionId, "SUBMITTED", null, "If-Match", "*");

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
		assertThat(stale.header("ETag")).isEqualTo("\"1\"");
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.json().get("version").asLong()).isEqualTo(2);
		assertThat(any.status()).isEqualTo(200);
	}

	@Test
	void refusesMalformedIfMatch() {
		String userId = newUserId();
		String sessionId = createSession(userId);

		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "one").status()).isEqualTo(400);
		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "\"1").status()).isEqualTo(400);
		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "\"1\" x").status()).isEqualTo(400);
		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "").status()).isEqualTo(400);
		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", " ").status()).isEqualTo(400);
		assertThat(api().get(sessionPath(userId, sessionId), adminToken()).json().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void neverMatchesWeakTagsButAnyStrongTagOfAList() {
		String userId = newUserId();
		String sessionId = createSession(userId);

		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "W/\"1\"").status()).isEqualTo(412);
		// Strong comparison is character by character.
		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "\"01\"").status()).isEqualTo(412);
		// A list may come split over several header lines.
		assertThat(move(userId, sessionId, "IN_PROGRESS", null, "If-Match", "\"7\"", "If-Match", "\"1\"").status())
			.isEqualTo(200);
		assertThat(move(userId, sessionId, "SUBMITTED", null, "If-Match", "\"7\", \"2\"").status()).isEqualTo(200);
	}

	@Test
	void refusesInvalidBodies() {
		String userId = newUserId();
		String path = sessionPath(userId, createSession(userId)) + "/status";
		String token = issuer.token("reviewer", Permissions.UPDATE);

		assertThat(api().post(path, token, "{}").status()).isEqualTo(400);
		assertThat(api().post(path, token, "{\"status\":\"DONE\"}").status()).isEqualTo(400);
		assertThat(
				api().post(path, token, "{\"status\":\"IN_PROGRESS\",\"reason\":\"" + "r".repeat(501) + "\"}").status())
			.isEqualTo(400);
		assertThat(
				api().post(path, token, "{\"status\":\"IN_PROGRESS\",\"reason\":\"" + "r".repeat(500) + "\"}").status())
			.isEqualTo(200);
		assertThat(api().send("POST", path, token, null).status()).isEqualTo(400);
	}

	@Test
	void hidesSessionsOfOtherUsers() {
		String sessionId = createSession(newUserId());

		assertThat(move(newUserId(), sessionId, "IN_PROGRESS", null).status()).isEqualTo(404);
		assertThat(api().get(sessionPath(newUserId(), sessionId) + "/events", adminToken()).status()).isEqualTo(404);
	}

	private ApiResponse move(String userId, String sessionId, String status, String reason, String... headers) {
		String body = (reason != null) ? "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}"
				: "{\"status\":\"" + status + "\"}";
		return api().post(sessionPath(userId, sessionId) + "/status", issuer.token("reviewer", Permissions.UPDATE),
				body, headers);
	}

	private static String sessionPath(String userId, String sessionId) {
		return "/ekyc/admin/" + userId + "/sessions/" + sessionId;
	}

	private static Set<String> names(Set<SessionStatus> statuses) {
		Set<String> names = new HashSet<>();
		statuses.forEach((status) -> names.add(status.name()));
		return names;
	}

}
