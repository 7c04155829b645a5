package com.ekyc.admin.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;

/**
 * Which permission each endpoint needs: the one table that authorization, the
 * {@code insufficient_scope} answer and the OpenAPI document all read.
 */
final class EndpointPermissions {

	static final List<EndpointPermission> ALL = List.of(
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin", Permissions.LIST),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions", Permissions.GET),
			new EndpointPermission(HttpMethod.POST, "/ekyc/admin/{userId}/sessions", Permissions.CREATE),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/status", Permissions.GET),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions/{sessionId}", Permissions.GET),
			new EndpointPermission(HttpMethod.POST, "/ekyc/admin/{userId}/sessions/{sessionId}/status",
					Permissions.UPDATE),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions/{sessionId}/events", Permissions.GET),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions/{sessionId}/callbacks",
					Permissions.GET),
			new EndpointPermission(HttpMethod.POST,
					"/ekyc/admin/{userId}/sessions/{sessionId}/callbacks/{deliveryId}/retry", Permissions.UPDATE));

	private EndpointPermissions() {
	}

	/**
	 * The permission an endpoint needs, by its method and path pattern as mapped in the
	 * controller.
	 */
	public static Optional<String> forEndpoint(HttpMethod method, String pathPattern) {
		return ALL.stream()
			.filter((rule) -> rule.method().equals(method) && rule.pathPattern().equals(pathPattern))
			.map(EndpointPermission::permission)
			.findFirst();
	}

	static Optional<String> forRequest(HttpServletRequest request) {
		return ALL.stream().filter((rule) -> rule.matches(request)).map(EndpointPermission::permission).findFirst();
	}

}
