package com.ekyc.admin.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which permission each endpoint needs: the one table that authorization, the
 * {@code insufficient_scope} answer and the OpenAPI document all read.
 */
final class EndpointPermissions {

	static final List<EndpointPermission> ALL = List.of(
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin", Permissions.LIST, "session.list"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/stats", Permissions.LIST, "session.list"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/audit", Permissions.AUDIT_READ, "audit.read"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/audit/verify", Permissions.AUDIT_READ, "audit.read"),
			new EndpointPermission(HttpMethod.DELETE, "/ekyc/admin/{userId}", Permissions.ERASE, "user.erase"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions", Permissions.GET, "session.get"),
			new EndpointPermission(HttpMethod.POST, "/ekyc/admin/{userId}/sessions", Permissions.CREATE,
					"session.create"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/status", Permissions.GET, "session.get"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions/{sessionId}", Permissions.GET,
					"session.get"),
			new EndpointPermission(HttpMethod.POST, "/ekyc/admin/{userId}/sessions/{sessionId}/status",
					Permissions.UPDATE, "session.status"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions/{sessionId}/events", Permissions.GET,
					"session.events"),
			new EndpointPermission(HttpMethod.GET, "/ekyc/admin/{userId}/sessions/{sessionId}/callbacks",
					Permissions.GET, "callbacks.get"),
			new EndpointPermission(HttpMethod.POST,
					"/ekyc/admin/{userId}/sessions/{sessionId}/callbacks/{deliveryId}/retry", Permissions.UPDATE,
					"callbacks.retry"));

	private static final Map<String, EndpointPermission> BY_METHOD_AND_PATTERN = ALL.stream()
		.collect(Collectors.toUnmodifiableMap((rule) -> rule.method().name() + " " + rule.pathPattern(),
				(rule) -> rule));

	// Built once, for requests refused before they reached a controller.
	private static final List<Map.Entry<EndpointPermission, RequestMatcher>> MATCHERS = ALL.stream()
		.map((rule) -> Map.entry(rule, rule.matcher()))
		.toList();

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

	/**
	 * The endpoint a request is for, with the values of its path variables: from what
	 * Spring MVC matched when the request reached a controller (a map lookup), else by
	 * matching the table.
	 */
	@SuppressWarnings("unchecked")
	static Optional<Map.Entry<EndpointPermission, Map<String, String>>> endpointOf(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
			String method = HttpMethod.HEAD.matches(request.getMethod()) ? HttpMethod.GET.name() : request.getMethod();
			EndpointPermission row = BY_METHOD_AND_PATTERN.get(method + " " + pattern);
			if (row == null) {
				return Optional.empty();
			}
			Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			return Optional
				.of(Map.entry(row, (variables instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of()));
		}
		for (Map.Entry<EndpointPermission, RequestMatcher> rule : MATCHERS) {
			RequestMatcher.MatchResult match = rule.getValue().matcher(request);
			if (match.isMatch()) {
				return Optional.of(Map.entry(rule.getKey(), match.getVariables()));
			}
		}
		return Optional.empty();
	}

}
