package com.ekyc.admin.security;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsTests {

	private static final List<String> CLAIMS = List.of("scope", "scp", "permissions");

	@Test
	void knowsExactlyTheSixPermissions() {
		assertThat(Permissions.ALL).containsExactlyInAnyOrder("ekyc.session.list", "ekyc.session.get",
				"ekyc.session.create", "ekyc.session.update", "ekyc.audit.read", "ekyc.user.erase");
		assertThat(List.of(Permissions.LIST, Permissions.GET, Permissions.CREATE, Permissions.UPDATE))
			.containsExactly("ekyc.session.list", "ekyc.session.get", "ekyc.session.create", "ekyc.session.update");
		assertThat(List.of(Permissions.AUDIT_READ, Permissions.ERASE)).containsExactly("ekyc.audit.read",
				"ekyc.user.erase");
	}

	@Test
	void prefersTheAuthorizedPartyAsActor() {
		Jwt jwt = jwt(Map.of("azp", "backoffice", "client_id", "other-client", "sub", "user-42"));

		assertThat(TokenClaims.actor(jwt)).contains("backoffice");
	}

	@Test
	void fallsBackToClientIdWithoutAuthorizedParty() {
		Jwt jwt = jwt(Map.of("client_id", "backoffice", "sub", "user-42"));

		assertThat(TokenClaims.actor(jwt)).contains("backoffice");
	}

	@Test
	void fallsBackToSubjectWithoutAuthorizedPartyOrClientId() {
		assertThat(TokenClaims.actor(jwt(Map.of("sub", "user-42")))).contains("user-42");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", "  \n " })
	void skipsBlankActorClaims(String blank) {
		Jwt jwt = jwt(Map.of("azp", blank, "client_id", blank, "sub", "user-42"));

		assertThat(TokenClaims.actor(jwt)).contains("user-42");
	}

	@Test
	void skipsActorClaimsThatAreNoString() {
		Jwt jwt = jwt(Map.of("azp", List.of("a", "b"), "client_id", 42, "sub", "user-42"));

		assertThat(TokenClaims.actor(jwt)).contains("user-42");
	}

	@Test
	void findsNoActorWhenNoClaimNamesOne() {
		assertThat(TokenClaims.actor(jwt(Map.of("iss", "https://issuer.example", "aud", "ekyc")))).isEmpty();
		assertThat(TokenClaims.actor(jwt(Map.of("azp", " ", "client_id", "", "sub", "\t")))).isEmpty();
	}

	@Test
	void readsSpaceSeparatedScope() {
		Jwt jwt = jwt(Map.of("scope", "openid ekyc.session.list profile ekyc.session.get"));

		assertThat(TokenClaims.permissions(jwt, CLAIMS)).containsExactly("ekyc.session.list", "ekyc.session.get");
	}

	@Test
	void readsScopeSeparatedByAnyWhitespace() {
		Jwt jwt = jwt(Map.of("scope", "  ekyc.session.list\tekyc.session.get \n ekyc.session.create  "));

		assertThat(TokenClaims.permissions(jwt, CLAIMS)).containsExactly("ekyc.session.list", "ekyc.session.get",
				"ekyc.session.create");
	}

	@Test
	void readsScpAsStringOrArray() {
		assertThat(TokenClaims.permissions(jwt(Map.of("scp", "ekyc.session.update")), CLAIMS))
			.containsExactly("ekyc.session.update");
		assertThat(
				TokenClaims.permissions(jwt(Map.of("scp", List.of("ekyc.session.get", "ekyc.session.update"))), CLAIMS))
			.containsExactly("ekyc.session.get", "ekyc.session.update");
	}

	@Test
	void readsPermissionsArrayAndString() {
		assertThat(TokenClaims.permissions(jwt(Map.of("permissions", List.of("ekyc.session.create"))), CLAIMS))
			.containsExactly("ekyc.session.create");
		assertThat(TokenClaims.permissions(jwt(Map.of("permissions", "ekyc.session.create ekyc.session.list")), CLAIMS))
			.containsExactly("ekyc.session.create", "ekyc.session.list");
	}

	@Test
	void combinesEveryClaimOnceEach() {
		Jwt jwt = jwt(Map.of("scope", "ekyc.session.list ekyc.session.get", "scp",
				List.of("ekyc.session.get", "ekyc.session.create"), "permissions",
				List.of("ekyc.session.update", "ekyc.session.list", "ekyc.session.update")));

		assertThat(TokenClaims.permissions(jwt, CLAIMS)).containsExactlyInAnyOrder("ekyc.session.list",
				"ekyc.session.get", "ekyc.session.create", "ekyc.session.update");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ekyc.session.listx", "SCOPE_ekyc.session.list", "EKYC.SESSION.LIST", "Ekyc.session.get",
			"ekyc.session", "ekyc.session.*", "ekyc.session.list.extra", "xekyc.session.list", "ekyc:session:list",
			"ekyc.session.get,ekyc.session.list", "\"ekyc.session.list\"", "ekyc.sessions.list", "ekyc.session.delete",
			"*" })
	void grantsNothingForNamesThatAreNotExactlyKnown(String name) {
		Jwt jwt = jwt(Map.of("scope", name, "scp", List.of(name), "permissions", List.of(name)));

		assertThat(TokenClaims.permissions(jwt, CLAIMS)).isEmpty();
	}

	@Test
	void ignoresArrayItemsThatAreNoStrings() {
		Jwt jwt = jwt(Map.of("permissions", List.of(42, true, Map.of("name", "ekyc.session.list"),
				List.of("ekyc.session.get"), "ekyc.session.create")));

		assertThat(TokenClaims.permissions(jwt, CLAIMS)).containsExactly("ekyc.session.create");
	}

	@Test
	void ignoresClaimValuesThatAreNeitherStringNorArray() {
		Jwt jwt = jwt(Map.of("scope", 42, "scp", Map.of("ekyc.session.list", true), "permissions", true));

		assertThat(TokenClaims.permissions(jwt, CLAIMS)).isEmpty();
	}

	@Test
	void grantsNothingForEmptyClaims() {
		Jwt jwt = jwt(Map.of("scope", "", "scp", "   ", "permissions", List.of()));

		assertThat(TokenClaims.permissions(jwt, CLAIMS)).isEmpty();
	}

	@Test
	void readsOnlyTheGivenClaims() {
		Jwt jwt = jwt(Map.of("roles", List.of("ekyc.session.list"), "authorities", "ekyc.session.get", "permissions",
				List.of("ekyc.session.create")));

		assertThat(TokenClaims.permissions(jwt, List.of("roles"))).containsExactly("ekyc.session.list");
		assertThat(TokenClaims.permissions(jwt, List.of("scope", "scp"))).isEmpty();
		assertThat(TokenClaims.permissions(jwt, List.of())).isEmpty();
	}

	static Jwt jwt(Map<String, Object> claims) {
		return jwt((builder) -> builder.claims((all) -> all.putAll(claims)));
	}

	static Jwt jwt(Consumer<Jwt.Builder> customizer) {
		Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").claim("iss", "https://issuer.example");
		customizer.accept(builder);
		return builder.build();
	}

}
