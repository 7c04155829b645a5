package com.ekyc.admin.security;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the bearer token as Spring Security's {@code DefaultBearerTokenResolver} does
 * with its defaults (from the {@code Authorization} header only: a header that begins
 * with "bearer", in any case, must be {@code Bearer <b64token>} as RFC 6750 says), with
 * two differences. A request with several {@code Authorization} headers is {@code 400
 * invalid_request}: which one counts is a guess (the first, for Tomcat). And the token is
 * checked without a regular expression: matching one to a JWT took about 8 % of the
 * service's CPU under reads.
 */
final class SingleBearerTokenResolver implements BearerTokenResolver {

	private static final String SCHEME = "Bearer ";

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		Enumeration<String> values = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String authorization = values.nextElement();
		if (values.hasMoreElements()) {
			throw new OAuth2AuthenticationException(
					BearerTokenErrors.invalidRequest("Authorization must be given once"));
		}
		// Another scheme is none of this resolver's business, as for Spring Security.
		if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
			return null;
		}
		if (!isBearerCredentials(authorization)) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return authorization.substring(SCHEME.length());
	}

	// "Bearer", one space, and a b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" /
	// "+" / "/" ) *"=" (RFC 6750, section 2.1).
	private static boolean isBearerCredentials(String authorization) {
		if (authorization.length() <= SCHEME.length() || authorization.charAt(SCHEME.length() - 1) != ' ') {
			return false;
		}
		int padding = authorization.length();
		while (padding > SCHEME.length() && authorization.charAt(padding - 1) == '=') {
			padding--;
		}
		if (padding == SCHEME.length()) {
			return false;
		}
		for (int i = SCHEME.length(); i < padding; i++) {
			if (!isTokenCharacter(authorization.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
