package com.ekyc.admin.security;

import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.Api;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.LocalIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens naming keys the issuer never had cannot be turned against the issuer: however
 * many arrive at once, its keys are fetched at most once more, and every such token is
 * simply invalid.
 */
class UnknownKeyFloodIntegrationTests extends IntegrationTest {

	private static final int TOKENS = 200;

	@Test
	void answersAFloodOfUnknownKeyIdsWith401FetchingTheKeysAtMostOnce() throws Exception {
		Api api = api();
		assertThat(api.get("/ekyc/admin?limit=1", adminToken()).status()).isEqualTo(200);
		RSAKey key = LocalIssuer.newKey();
		int fetchesBefore = issuer.jwksFetches();

		List<ApiResponse> answers = Concurrently.run(TOKENS,
				() -> api.get("/ekyc/admin?limit=1",
						LocalIssuer.sign(issuer.claims("flooder", Permissions.LIST).build(),
								new RSAKey.Builder(key).keyID(UUID.randomUUID().toString()).build())));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
			assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
		});
		assertThat(issuer.jwksFetches() - fetchesBefore).isLessThanOrEqualTo(1);
		assertThat(api.get("/ekyc/admin?limit=1", adminToken()).status()).isEqualTo(200);
	}

}
