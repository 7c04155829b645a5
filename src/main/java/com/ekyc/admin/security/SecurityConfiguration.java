package com.ekyc.admin.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import com.ekyc.admin.web.ProblemResponseWriter;

/**
 * The API's one filter chain: stateless bearer-token authentication, one permission per
 * endpoint from {@link EndpointPermissions}, and public health and API documentation.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder,
			OAuth2ResourceServerProperties resourceServer, PermissionsJwtConverter permissions,
			ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied,
			RateLimitProperties rateLimit, ProblemResponseWriter problems,
			ObjectProvider<AuthenticatedRequestObserver> observers) throws Exception {
		http.authorizeHttpRequests((requests) -> {
			// The management port is kept from callers by the deployment, not by tokens:
			// the monitoring system scrapes it without one.
			requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
			requests.requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class))
				.permitAll();
			requests
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
						"/swagger-ui/**", "/error")
				.permitAll();
			EndpointPermissions.ALL
				.forEach((rule) -> requests.requestMatchers(rule.matcher()).hasAuthority(rule.permission()));
			requests.anyRequest().authenticated();
		});
		String issuer = resourceServer.getJwt().getIssuerUri();
		http.oauth2ResourceServer((configurer) -> configurer.bearerTokenResolver(new SingleBearerTokenResolver())
			.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(permissions))
			.protectedResourceMetadata((metadata) -> metadata
				.protectedResourceMetadataCustomizer((document) -> describe(document, issuer)))
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDenied));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		http.addFilterAfter(new AuthenticatedRequestFilter(observers.orderedStream().toList(), problems),
				BearerTokenAuthenticationFilter.class);
		http.addFilterAfter(new ClientRateLimitFilter(rateLimit, problems), AuthenticatedRequestFilter.class);
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/**
	 * No observations of Spring Security's own: each request is observed once, as
	 * {@code http.server.requests}, with its outcome. One observation per security
	 * filter, authentication and authorization would cost more than the rest of a read
	 * and tell nothing that metric and the log do not.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Lets requests of any method through the firewall, so that an unknown method gets
	 * Spring MVC's {@code 405} with {@code Allow} rather than a refused-URL {@code 400},
	 * and parameters of any name: the API reads no form parameters, and the firewall
	 * would judge their names only when something reads the body, too late to answer
	 * {@code 400}. Every other firewall rule stays; the one on header names and values is
	 * checked faster, by {@link AssignedNotControl}.
	 */
	@Bean
	WebSecurityCustomizer firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setUnsafeAllowAnyHttpMethod(true);
		firewall.setAllowedParameterNames((name) -> true);
		firewall.setAllowedHeaderNames(AssignedNotControl.NAMES);
		firewall.setAllowedHeaderValues(AssignedNotControl.VALUES);
		return (web) -> web.httpFirewall(firewall);
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
