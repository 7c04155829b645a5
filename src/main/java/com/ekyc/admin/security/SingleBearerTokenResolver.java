package com.ekyc.admin.security;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token as Spring Security does, but from a request with one
 * {@code Authorization} header only: with several, which one counts is a guess (the
 * first, for Tomcat), so the request is {@code 400 invalid_request} (RFC 6750) instead.
 */
final class SingleBearerTokenResolver implements BearerTokenResolver {

	private final DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		Enumeration<String> values = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (values != null && values.hasMoreElements()) {
			values.nextElement();
			if (values.hasMoreElements()) {
				throw new OAuth2AuthenticationException(
						BearerTokenErrors.invalidRequest("Authorization must be given once"));
			}
		}
		return this.resolver.resolve(request);
	}

}
