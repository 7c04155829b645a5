package com.ekyc.admin.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics and the other actuator endpoints live on the management port only; the API port
 * answers its callers and load balancers, nothing more.
 */
class ManagementPortIntegrationTests extends IntegrationTest {

	@Test
	void keepsMetricsOffTheApiPortEvenForValidTokens() {
		String noPermission = issuer.token("any-client");

		assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(401);
		ApiResponse withToken = api().get("/actuator/prometheus", noPermission);
		assertThat(withToken.status()).isEqualTo(404);
		assertThat(withToken.body()).doesNotContain("jvm_", "http_server");
		assertThat(api().get("/actuator/prometheus", adminToken()).status()).isEqualTo(404);
	}

	@Test
	void servesMetricsOnTheManagementPortWithoutToken() {
		ApiResponse metrics = management().get("/actuator/prometheus", null);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"ekyc-admin\"");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void servesHealthOnTheManagementPort(String path) {
		ApiResponse health = management().get(path, null);

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/livez", "/readyz" })
	void servesProbesOnTheApiPortWithoutToken(String path) {
		ApiResponse probe = api().get(path, null);

		assertThat(probe.status()).isEqualTo(200);
		assertThat(probe.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesNoOtherActuatorEndpoint() {
		for (String path : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump" }) {
			ApiResponse response = management().get(path, null);
			assertThat(response.status()).as(path).isIn(401, 404);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
		}
	}

}
