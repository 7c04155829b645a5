package com.ekyc.admin.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One row of the endpoint table: requests with this method and path need this permission,
 * and the audit trail records them as this operation. A {@code GET} row covers
 * {@code HEAD} too, so no endpoint can be probed without its permission.
 */
record EndpointPermission(HttpMethod method, String pathPattern, String permission, String operation) {

	RequestMatcher matcher() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher matcher = paths.matcher(this.method, this.pathPattern);
		if (this.method.equals(HttpMethod.GET)) {
			return new OrRequestMatcher(matcher, paths.matcher(HttpMethod.HEAD, this.pathPattern));
		}
		return matcher;
	}

	boolean matches(HttpServletRequest request) {
		return matcher().matches(request);
	}

}
