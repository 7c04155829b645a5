package com.ekyc.admin.security;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: every endpoint refuses a request without a token with {@code 401};
 * health and the API documentation need none; the actuator stays off the API port. The
 * permission of each endpoint is tested in {@link EndpointPermissionsTests}.
 */
class EndpointAuthorizationIntegrationTests extends IntegrationTest {

	static Stream<Arguments> endpoints() {
		return EndpointPermissionsTests.rows();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void refusesRequestWithoutToken(HttpMethod method, String pattern, String permission) {
		String path = pattern.replace("{userId}", newUserId())
			.replace("{sessionId}", UUID.randomUUID().toString())
			.replace("{deliveryId}", UUID.randomUUID().toString());
		ApiResponse response = api().send(method.name(), path, null, null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.header("WWW-Authenticate")).doesNotContain("error=");
		if (!method.equals(HttpMethod.HEAD)) {
			assertThat(response.contentType()).isEqualTo("application/problem+json");
		}
	}

	@ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.ValueSource(
			strings = { "/livez", "/readyz", "/v3/api-docs", "/swagger-ui/index.html" })
	void servesHealthAndDocumentationWithoutToken(String path) {
		assertThat(api().get(path, null).status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.ValueSource(
			strings = { "/actuator", "/actuator/health", "/actuator/info", "/actuator/env", "/actuator/prometheus" })
	void keepsOtherActuatorEndpointsPrivate(String path) {
		assertThat(api().get(path, null).status()).isEqualTo(401);
	}

	@org.junit.jupiter.api.Test
	void everyMappedEndpointNeedsAPermission() {
		Set<String> documented = Set.copyOf(api().get("/v3/api-docs", null).json().get("paths").propertyNames());
		assertThat(documented).isNotEmpty()
			.allSatisfy((path) -> assertThat(EndpointPermissions.ALL)
				.anySatisfy((rule) -> assertThat(rule.pathPattern()).isEqualTo(path)));
	}

}
