package com.ekyc.admin.security;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static com.ekyc.admin.security.TokenClaimsTests.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PermissionsJwtConverterTests {

	private final PermissionsJwtConverter converter = new PermissionsJwtConverter(
			new EkycSecurityProperties(List.of("permissions"), null));

	@Test
	void grantsThePermissionsOfEveryClaimNamedExactly() {
		Jwt jwt = jwt(Map.of("azp", "backoffice", "scope", "openid ekyc.session.list", "scp",
				List.of("ekyc.session.get"), "permissions", List.of("ekyc.session.create", "ekyc.session.update")));

		AbstractAuthenticationToken authentication = this.converter.convert(jwt);

		assertThat(authorities(authentication)).containsExactlyInAnyOrder("ekyc.session.list", "ekyc.session.get",
				"ekyc.session.create", "ekyc.session.update");
		assertThat(authorities(authentication)).noneMatch((name) -> name.startsWith("SCOPE_"));
	}

	@Test
	void namesTheAuthenticationAfterTheActor() {
		Jwt jwt = jwt(Map.of("azp", "backoffice", "client_id", "other", "sub", "user-42", "scope", "ekyc.session.get"));

		AbstractAuthenticationToken authentication = this.converter.convert(jwt);

		assertThat(authentication).isInstanceOf(JwtAuthenticationToken.class);
		assertThat(authentication.getName()).isEqualTo("backoffice");
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(((JwtAuthenticationToken) authentication).getToken()).isSameAs(jwt);
		assertThat(authentication.getPrincipal()).isSameAs(jwt);
	}

	@Test
	void namesTheAuthenticationAfterSubjectWhenNoClientIsNamed() {
		AbstractAuthenticationToken authentication = this.converter
			.convert(jwt(Map.of("sub", "user-42", "scope", "ekyc.session.get")));

		assertThat(authentication.getName()).isEqualTo("user-42");
	}

	@Test
	void grantsNothingForUnknownOrInexactNames() {
		Jwt jwt = jwt(Map.of("sub", "user-42", "scope", "SCOPE_ekyc.session.list ekyc.session.listx", "scp",
				List.of("EKYC.SESSION.GET"), "permissions", List.of("ekyc.session", "admin")));

		AbstractAuthenticationToken authentication = this.converter.convert(jwt);

		assertThat(authentication.getAuthorities()).isEmpty();
		assertThat(authentication.getName()).isEqualTo("user-42");
	}

	@Test
	void readsConfiguredClaimsInsteadOfTheDefaultOne() {
		PermissionsJwtConverter converter = new PermissionsJwtConverter(
				new EkycSecurityProperties(List.of("roles", "ekyc_permissions"), null));
		Jwt jwt = jwt(Map.of("sub", "user-42", "roles", List.of("ekyc.session.list"), "ekyc_permissions",
				"ekyc.session.get", "permissions", List.of("ekyc.session.create")));

		assertThat(authorities(converter.convert(jwt))).containsExactlyInAnyOrder("ekyc.session.list",
				"ekyc.session.get");
	}

	@Test
	void alwaysReadsScopeAndScp() {
		PermissionsJwtConverter converter = new PermissionsJwtConverter(new EkycSecurityProperties(List.of(), null));
		Jwt jwt = jwt(Map.of("sub", "user-42", "scope", "ekyc.session.list", "scp", "ekyc.session.get", "permissions",
				List.of("ekyc.session.create")));

		assertThat(authorities(converter.convert(jwt))).containsExactlyInAnyOrder("ekyc.session.list",
				"ekyc.session.get");
	}

	@Test
	void grantsEachPermissionOnce() {
		Jwt jwt = jwt(Map.of("sub", "user-42", "scope", "ekyc.session.get ekyc.session.get", "scp",
				List.of("ekyc.session.get"), "permissions", List.of("ekyc.session.get")));

		assertThat(authorities(this.converter.convert(jwt))).containsExactly("ekyc.session.get");
	}

	@Test
	void reliesOnTheValidatorForTokensNamingNoCaller() {
		Jwt jwt = jwt(Map.of("scope", "ekyc.session.get"));

		assertThat(new ActorClaimValidator().validate(jwt).hasErrors()).isTrue();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.converter.convert(jwt));
	}

	private static List<String> authorities(AbstractAuthenticationToken authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
