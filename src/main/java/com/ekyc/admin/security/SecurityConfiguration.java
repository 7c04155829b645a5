package com.ekyc.admin.security;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's one filter chain: stateless bearer-token authentication, one permission per
 * endpoint from {@link EndpointPermissions}, and public health and API documentation.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoders,
			OAuth2ResourceServerProperties resourceServer, PermissionsJwtConverter permissions,
			ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied) throws Exception {
		JwtDecoder jwtDecoder = jwtDecoders.getIfAvailable();
		if (jwtDecoder == null) {
			throw new IllegalStateException("No token issuer is configured: set "
					+ "spring.security.oauth2.resourceserver.jwt.issuer-uri or ...jwt.jwk-set-uri "
					+ "(the service never runs without token checks)");
		}
		http.authorizeHttpRequests((requests) -> {
			requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
						"/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error")
				.permitAll();
			EndpointPermissions.ALL
				.forEach((rule) -> requests.requestMatchers(rule.matcher()).hasAuthority(rule.permission()));
			requests.anyRequest().authenticated();
		});
		String issuer = resourceServer.getJwt().getIssuerUri();
		http.oauth2ResourceServer(
				(configurer) -> configurer.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(permissions))
					.protectedResourceMetadata((metadata) -> metadata
						.protectedResourceMetadataCustomizer((document) -> describe(document, issuer)))
					.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(accessDenied));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/**
	 * What {@code /.well-known/oauth-protected-resource} (RFC 9728) tells clients: where
	 * tokens come from and which scopes this API knows.
	 */
	private static void describe(OAuth2ProtectedResourceMetadata.Builder document, @Nullable String issuer) {
		document.resourceName("eKYC Admin API").tlsClientCertificateBoundAccessTokens(false);
		Permissions.ALL.stream().sorted().forEach(document::scope);
		if (issuer != null) {
			document.authorizationServer(issuer);
		}
	}

}
