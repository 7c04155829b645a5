package com.ekyc.admin.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's one filter chain: stateless bearer-token authentication, one permission per
 * endpoint from {@link EndpointPermissions}, and public health and API documentation.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, PermissionsJwtConverter permissions,
			ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied) throws Exception {
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
