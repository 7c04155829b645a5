package com.ekyc.admin.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resolver takes and refuses what Spring Security's default resolver does, from a
 * request with one {@code Authorization} header, and refuses several.
 */
class SingleBearerTokenResolverTests {

	private final BearerTokenResolver resolver = new SingleBearerTokenResolver();

	private final BearerTokenResolver springSecurity = new DefaultBearerTokenResolver();

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc", "bearer abc", "BEARER abc", "bEaReR a", "Bearer eyJhbGciOi.eyJzdWIi.c2ln",
			"Bearer aZ09-._~+/", "Bearer abc=", "Bearer abc==", "Bearer -", "Bearer /", "Bearer ~=", "Bearer ",
			"Bearer", "bearer", "Bearer =", "Bearer ==", "Bearer a=b", "Bearer a==b", "Bearer  abc", "Bearer abc ",
			"Bearer a b", "Bearer\tabc", "Bearerabc", "Bearer:abc", "Bearer ab\u00e9", "Bearer ab\u0000",
			"Bearer abc\n", "Bearer a,b", "Bearer a%2Fb", "Bearer a\"b", "Bearer a=", "Bearer 1==", "B\u00e9arer abc",
			"Basic dXNlcjpwYXNz", "Token abc", "", " Bearer abc", "bearerabc=" })
	void takesAndRefusesWhatSpringSecuritysResolverDoes(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ekyc/admin");
		request.addHeader("Authorization", authorization);

		assertThat(outcome(this.resolver, request)).as(authorization).isEqualTo(outcome(this.springSecurity, request));
	}

	@Test
	void takesNoTokenFromARequestWithoutAuthorization() {
		assertThat(this.resolver.resolve(new MockHttpServletRequest("GET", "/ekyc/admin"))).isNull();
	}

	@Test
	void refusesSeveralAuthorizationHeaders() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ekyc/admin");
		request.addHeader("Authorization", "Bearer abc");
		request.addHeader("Authorization", "Bearer abc");

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	// The token, or the error's code and description.
	private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
		try {
			return "token " + resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			return "error " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

}
