package com.ekyc.admin.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's one filter chain: stateless bearer-token authentication, one permission per
 * endpoint from {@link EndpointPermissions}, and public health and API documentation.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoders,
			PermissionsJwtConverter permissions, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied) throws Exception {
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
		http.oauth2ResourceServer(
				(resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtAuthenticationConverter(permissions))
					.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(accessDenied));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

}
