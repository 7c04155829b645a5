package com.ekyc.admin.web;

import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdIntegrationTests extends IntegrationTest {

	@Test
	void answersTheCallersRequestId() {
		ApiResponse response = api().send("GET", "/ekyc/admin?limit=1", adminToken(), null, "X-Request-Id",
				"trace-42.a:b");

		assertThat(response.header("X-Request-Id")).isEqualTo("trace-42.a:b");
	}

	@Test
	void givesRequestsWithoutOneAFreshId() {
		String first = api().get("/ekyc/admin?limit=1", adminToken()).header("X-Request-Id");
		String second = api().get("/ekyc/admin?limit=1", adminToken()).header("X-Request-Id");

		assertThat(first).isNotBlank().isNotEqualTo(second);
	}

	@Test
	void replacesUnsafeIds() {
		ApiResponse response = api().send("GET", "/ekyc/admin?limit=1", adminToken(), null, "X-Request-Id",
				"x".repeat(129));

		assertThat(response.header("X-Request-Id")).hasSize(36);
	}

	@Test
	void tagsRefusedRequestsToo() {
		assertThat(api().get("/ekyc/admin", null).header("X-Request-Id")).isNotBlank();
	}

	@Test
	void reportsDatabaseInReadiness() {
		ApiResponse readiness = management().get("/actuator/health/readiness", null);

		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

}
