package com.ekyc.admin.security;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.ekyc.admin.audit.AuditSearch;
import com.ekyc.admin.callback.CallbackService;
import com.ekyc.admin.database.DatabaseAvailability;
import com.ekyc.admin.erasure.UserErasure;
import com.ekyc.admin.session.SessionService;
import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The permission matrix, generated from {@link EndpointPermissions#ALL}: every row (and
 * {@code HEAD} beside each {@code GET}) lets a token holding its permission through and
 * refuses one holding every other permission with {@code 403} and the RFC 6750 challenge
 * naming the missing one. The services behind the controllers answer {@code 404}, so an
 * admitted request shows as {@code 404}. Token validation itself is tested with real
 * tokens in {@link TokenValidationIntegrationTests}.
 */
@WebMvcTest
@Import({ SecurityConfiguration.class, PermissionsJwtConverter.class, ProblemAuthenticationEntryPoint.class,
		ProblemAccessDeniedHandler.class, ProblemResponseWriter.class, EndpointPermissionsTests.Services.class })
@EnableConfigurationProperties({ EkycSecurityProperties.class, RateLimitProperties.class })
class EndpointPermissionsTests {

	private static final String ID = "0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private JwtDecoder jwtDecoder;

	@MockitoBean
	private DatabaseAvailability database;

	static Stream<Arguments> rows() {
		return EndpointPermissions.ALL.stream().flatMap((row) -> {
			Arguments asMapped = Arguments.of(row.method(), row.pathPattern(), row.permission());
			return row.method().equals(HttpMethod.GET)
					? Stream.of(asMapped, Arguments.of(HttpMethod.HEAD, row.pathPattern(), row.permission()))
					: Stream.of(asMapped);
		});
	}

	@ParameterizedTest(name = "{0} {1} with {2}")
	@MethodSource("rows")
	void admitsATokenHoldingThePermission(HttpMethod method, String pattern, String permission) throws Exception {
		MvcResult result = this.mvc.perform(call(method, pattern).with(jwt().authorities(authorities(permission))))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString())
			.isEqualTo(HttpStatus.NOT_FOUND.value());
	}

	@ParameterizedTest(name = "{0} {1} without {2}")
	@MethodSource("rows")
	void refusesATokenHoldingEveryOtherPermission(HttpMethod method, String pattern, String permission)
			throws Exception {
		String[] others = Permissions.ALL.stream().filter((name) -> !name.equals(permission)).toArray(String[]::new);

		MvcResult result = this.mvc.perform(call(method, pattern).with(jwt().authorities(authorities(others))))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(HttpStatus.FORBIDDEN.value());
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\"")
			.endsWith("scope=\"" + permission + "\"");
		if (!method.equals(HttpMethod.HEAD)) {
			assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(result.getResponse().getContentAsString())
				.contains("\"missingPermission\":\"" + permission + "\"");
		}
	}

	@Test
	void everyPermissionGuardsSomeEndpoint() {
		assertThat(EndpointPermissions.ALL).extracting(EndpointPermission::permission).containsAll(Permissions.ALL);
	}

	private static MockHttpServletRequestBuilder call(HttpMethod method, String pattern) {
		String path = pattern.replace("{userId}", "user-1").replace("{sessionId}", ID).replace("{deliveryId}", ID);
		MockHttpServletRequestBuilder call = request(method, path);
		if (path.endsWith("/status") && method.equals(HttpMethod.POST)) {
			return call.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IN_PROGRESS\"}");
		}
		return method.equals(HttpMethod.DELETE)
				? call.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"a test\"}") : call;
	}

	private static List<GrantedAuthority> authorities(String... permissions) {
		return Stream.of(permissions).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
	}

	/**
	 * Services whose every call finds nothing.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Services {

		@Bean
		SessionService sessionService() {
			return Mockito.mock(SessionService.class, (invocation) -> {
				throw notFound();
			});
		}

		@Bean
		CallbackService callbackService() {
			return Mockito.mock(CallbackService.class, (invocation) -> {
				throw notFound();
			});
		}

		@Bean
		AuditSearch auditSearch() {
			return Mockito.mock(AuditSearch.class, (invocation) -> {
				throw notFound();
			});
		}

		@Bean
		UserErasure userErasure() {
			return Mockito.mock(UserErasure.class, (invocation) -> {
				throw notFound();
			});
		}

		private static ProblemException notFound() {
			return new ProblemException(Problems.of(HttpStatus.NOT_FOUND, "Nothing here in this test."));
		}

	}

}
