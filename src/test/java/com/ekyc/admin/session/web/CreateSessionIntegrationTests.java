package com.ekyc.admin.session.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CreateSessionIntegrationTests extends IntegrationTest {

	@Test
	void createsSessionWithoutBody() {
		String userId = newUserId();
		ApiResponse response = api().send("POST", "/ekyc/admin/" + userId + "/sessions", adminToken(), null);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode session = response.json();
		assertThat(session.get("userId").asString()).isEqualTo(userId);
		assertThat(session.get("status").asString()).isEqualTo("CREATED");
		assertThat(session.get("callback").isNull()).isTrue();
		assertThat(session.get("reason").isNull()).isTrue();
		assertThat(session.get("completedAt").isNull()).isTrue();
		assertThat(session.get("createdBy").asString()).isEqualTo("backoffice-service");
		assertThat(session.get("version").asLong()).isEqualTo(1);
		Instant createdAt = Instant.parse(session.get("createdAt").asString());
		assertThat(session.get("updatedAt").asString()).isEqualTo(session.get("createdAt").asString());
		assertThat(Instant.parse(session.get("expiresAt").asString())).isEqualTo(createdAt.plus(Duration.ofDays(7)));
		assertThat(response.header("Location"))
			.isEqualTo("/ekyc/admin/" + userId + "/sessions/" + session.get("id").asString());
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		assertThat(response.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void createdSessionReadsBackTheSame() {
		String userId = newUserId();
		ApiResponse created = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(),
				"{\"callback\":\"https://93.184.216.34/ekyc/callback\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(200);

		ApiResponse read = api().get(created.header("Location"), adminToken());

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(created.json());
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.json().get("callback").asString()).isEqualTo("https://93.184.216.34/ekyc/callback");
	}

	@Test
	void refusesSecondActiveSessionNamingTheActiveOne() {
		String userId = newUserId();
		ApiResponse first = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}");

		ApiResponse second = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}");

		assertThat(second.status()).as(second.toString()).isEqualTo(409);
		assertThat(second.json().has("activeSessionId")).as(second.toString()).isTrue();
		assertThat(second.contentType()).isEqualTo("application/problem+json");
		assertThat(second.json().get("activeSessionId").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(second.json().get("type").asString()).isEqualTo("urn:ekyc:problem:active-session-exists");
		assertThat(second.json().get("instance").asString()).isEqualTo("/ekyc/admin/" + userId + "/sessions");
	}

}
