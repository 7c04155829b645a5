package com.ekyc.admin.security;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each endpoint answers a token holding its permission, and refuses one holding every
 * other permission with {@code 403} and the RFC 6750 challenge naming the missing one.
 */
class EndpointAuthorizationIntegrationTests extends IntegrationTest {

	static Stream<Arguments> endpoints() {
		return Stream.of(Arguments.of("GET", "/ekyc/admin", Permissions.LIST),
				Arguments.of("HEAD", "/ekyc/admin", Permissions.LIST),
				Arguments.of("GET", "/ekyc/admin/{user}/sessions", Permissions.GET),
				Arguments.of("POST", "/ekyc/admin/{user}/sessions", Permissions.CREATE),
				Arguments.of("GET", "/ekyc/admin/{user}/status", Permissions.GET),
				Arguments.of("HEAD", "/ekyc/admin/{user}/status", Permissions.GET), Arguments.of("GET",
						"/ekyc/admin/{user}/sessions/0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10", Permissions.GET));
	}

	@ParameterizedTest(name = "{0} {1} with {2}")
	@MethodSource("endpoints")
	void answersTokenHoldingThePermission(String method, String path, String permission) {
		String body = (method.equals("POST") && path.endsWith("/status")) ? "{\"status\":\"IN_PROGRESS\"}" : null;
		ApiResponse response = api().send(method, path.replace("{user}", newUserId()),
				issuer.token("caller", permission), body);

		// Past the permission check: the endpoint itself answers (these sessions do not
		// exist).
		assertThat(response.status()).as(response.toString()).isIn(200, 404);
	}

	@ParameterizedTest(name = "{0} {1} without {2}")
	@MethodSource("endpoints")
	void refusesTokenLackingThePermission(String method, String path, String permission) {
		String[] others = Permissions.ALL.stream().filter((name) -> !name.equals(permission)).toArray(String[]::new);

		ApiResponse response = api().send(method, path.replace("{user}", newUserId()), issuer.token("caller", others),
				null);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\"")
			.endsWith("scope=\"" + permission + "\"");
		if (!method.equals("HEAD")) {
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(response.json().get("missingPermission").asString()).isEqualTo(permission);
			assertThat(response.json().get("status").asInt()).isEqualTo(403);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("endpoints")
	void refusesRequestWithoutToken(String method, String path, String permission) {
		ApiResponse response = api().send(method, path.replace("{user}", newUserId()), null, null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.header("WWW-Authenticate")).doesNotContain("error=");
		if (!method.equals("HEAD")) {
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
