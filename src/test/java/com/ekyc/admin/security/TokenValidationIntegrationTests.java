package com.ekyc.admin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.LocalIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens are checked against the issuer's keys: signature, expiry, not-before, issuer and
 * audience; permissions come from {@code scope}, {@code scp} and {@code permissions}.
 */
class TokenValidationIntegrationTests extends IntegrationTest {

	private static final String PATH = "/ekyc/admin?limit=1";

	@Test
	void acceptsValidToken() {
		assertThat(call(issuer.claims("caller", Permissions.LIST).build()).status()).isEqualTo(200);
	}

	@Test
	void refusesTwoAuthorizationHeadersRatherThanPickOne() {
		String viewer = issuer.token("viewer", Permissions.LIST);
		String admin = issuer.token("admin", Permissions.LIST, Permissions.AUDIT_READ);

		ApiResponse response = api().send("GET", "/ekyc/admin/audit", null, null, "Authorization", "Bearer " + admin,
				"Authorization", "Bearer " + viewer);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).contains("invalid_request");
		assertThat(response.json().get("detail").asString()).contains("Authorization must be given once");
	}

	@Test
	void refusesExpiredToken() {
		Instant past = Instant.now().minus(Duration.ofHours(1));
		JWTClaimsSet claims = issuer.claims("caller", Permissions.LIST)
			.issueTime(Date.from(past.minusSeconds(600)))
			.notBeforeTime(Date.from(past.minusSeconds(600)))
			.expirationTime(Date.from(past))
			.build();

		assertInvalidToken(call(claims));
	}

	@Test
	void refusesTokenWithoutExpiry() {
		assertInvalidToken(call(issuer.claims("caller", Permissions.LIST).expirationTime(null).build()));
	}

	@Test
	void refusesTokenNotYetValid() {
		JWTClaimsSet claims = issuer.claims("caller", Permissions.LIST)
			.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
			.build();

		assertInvalidToken(call(claims));
	}

	@Test
	void refusesTokenSignedWithAnotherKey() {
		String token = LocalIssuer.sign(issuer.claims("caller", Permissions.LIST).build(), LocalIssuer.newKey());

		assertInvalidToken(api().get(PATH, token));
	}

	@Test
	void refusesTokenForAnotherAudience() {
		assertInvalidToken(call(issuer.claims("caller", Permissions.LIST).audience("another-service").build()));
	}

	@Test
	void refusesTokenWithoutAudience() {
		assertInvalidToken(call(issuer.claims("caller", Permissions.LIST).audience((String) null).build()));
	}

	@Test
	void refusesTokenFromAnotherIssuer() {
		assertInvalidToken(call(issuer.claims("caller", Permissions.LIST).issuer("https://evil.example").build()));
	}

	@Test
	void refusesUnsignedToken() {
		String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String payload = base64Url(issuer.claims("caller", Permissions.LIST).build().toString());

		assertInvalidToken(api().get(PATH, header + "." + payload + "."));
	}

	@Test
	void refusesTokenWithTamperedClaims() {
		String[] parts = issuer.token("caller", Permissions.GET).split("\\.");
		String forged = base64Url(issuer.claims("caller", Permissions.LIST).build().toString());

		assertInvalidToken(api().get(PATH, parts[0] + "." + forged + "." + parts[2]));
	}

	@Test
	void refusesMalformedToken() {
		assertInvalidToken(api().get(PATH, "not-a-jwt"));
	}

	@Test
	void refusesTokenNamingNoCaller() {
		JWTClaimsSet claims = issuer.claims("caller", Permissions.LIST)
			.subject(null)
			.claim("azp", null)
			.claim("client_id", null)
			.build();

		assertInvalidToken(call(claims));
	}

	@Test
	void refusesTokenWhoseCallerNameTheAuditTrailCouldNotKeep() {
		JWTClaimsSet claims = issuer.claims("caller", Permissions.LIST).claim("azp", "back\u0000office").build();

		assertInvalidToken(call(claims));
	}

	@Test
	void readsPermissionsFromScpArray() {
		JWTClaimsSet claims = issuer.claims("caller")
			.claim("scope", null)
			.claim("scp", List.of(Permissions.LIST))
			.build();

		assertThat(call(claims).status()).isEqualTo(200);
	}

	@Test
	void readsPermissionsFromPermissionsClaim() {
		JWTClaimsSet claims = issuer.claims("caller")
			.claim("scope", null)
			.claim("permissions", List.of(Permissions.LIST))
			.build();

		assertThat(call(claims).status()).isEqualTo(200);
	}

	@Test
	void grantsNothingForSimilarNames() {
		JWTClaimsSet claims = issuer
			.claims("caller", "ekyc.session.list.all", "SCOPE_ekyc.session.list", "ekyc.session")
			.build();

		assertThat(call(claims).status()).isEqualTo(403);
	}

	@Test
	void recordsAuthorizedPartyAsActor() {
		JWTClaimsSet claims = issuer.claims("ignored-subject", Permissions.CREATE)
			.claim("azp", "backoffice")
			.claim("client_id", "other")
			.build();

		assertThat(create(claims).json().get("createdBy").asString()).isEqualTo("backoffice");
	}

	@Test
	void recordsClientIdWithoutAuthorizedParty() {
		JWTClaimsSet claims = issuer.claims("the-subject", Permissions.CREATE)
			.claim("azp", null)
			.claim("client_id", "the-client")
			.build();

		assertThat(create(claims).json().get("createdBy").asString()).isEqualTo("the-client");
	}

	@Test
	void recordsSubjectWithoutAuthorizedPartyOrClientId() {
		JWTClaimsSet claims = issuer.claims("the-subject", Permissions.CREATE)
			.claim("azp", null)
			.claim("client_id", null)
			.build();

		assertThat(create(claims).json().get("createdBy").asString()).isEqualTo("the-subject");
	}

	@Test
	void describesItselfAsAProtectedResource() {
		ApiResponse metadata = api().get("/.well-known/oauth-protected-resource", null);

		assertThat(metadata.status()).isEqualTo(200);
		assertThat(metadata.json().get("authorization_servers").get(0).asString()).isEqualTo(issuer.issuerUri());
		assertThat(metadata.json().get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
		assertThat(metadata.json().get("scopes_supported").toString()).contains(Permissions.LIST, Permissions.GET,
				Permissions.CREATE, Permissions.UPDATE);
	}

	private ApiResponse create(JWTClaimsSet claims) {
		return api().post("/ekyc/admin/" + newUserId() + "/sessions", issuer.sign(claims), "{}");
	}

	private ApiResponse call(JWTClaimsSet claims) {
		return api().get(PATH, issuer.sign(claims));
	}

	private static void assertInvalidToken(ApiResponse response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(401);
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
	}

}
