package com.ekyc.admin.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EkycSecurityPropertiesTests {

	@Test
	void readsPermissionsClaimByDefault() {
		EkycSecurityProperties properties = bind(Map.of());

		assertThat(properties.permissionClaims()).containsExactly("permissions");
		assertThat(properties.tokenUrl()).isNull();
	}

	@Test
	void bindsConfiguredClaimsAndTokenUrl() {
		EkycSecurityProperties properties = bind(Map.of("ekyc.security.permission-claims", "roles,ekyc_permissions",
				"ekyc.security.token-url", "https://issuer.example/oauth2/token"));

		assertThat(properties.permissionClaims()).containsExactly("roles", "ekyc_permissions");
		assertThat(properties.tokenUrl()).isEqualTo(URI.create("https://issuer.example/oauth2/token"));
	}

	@Test
	void convertsWithTheBoundClaims() {
		PermissionsJwtConverter converter = new PermissionsJwtConverter(
				bind(Map.of("ekyc.security.permission-claims", "roles")));
		List<String> authorities = converter
			.convert(TokenClaimsTests.jwt(Map.of("sub", "user-42", "roles", List.of("ekyc.session.list"), "permissions",
					List.of("ekyc.session.get"))))
			.getAuthorities()
			.stream()
			.map((authority) -> authority.getAuthority())
			.toList();

		assertThat(authorities).containsExactly("ekyc.session.list");
	}

	private static EkycSecurityProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("ekyc.security",
				EkycSecurityProperties.class);
	}

}
