package com.ekyc.admin.security;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.ekyc.admin.web.Sha256;

/**
 * Who makes a request, as controllers take it: the actor recorded on what the request
 * changes, and the scope its idempotency keys live in.
 *
 * @param actor the token's {@code azp}, else {@code client_id}, else {@code sub}
 * @param idempotencyScope a digest of the issuer, the claim that named the actor and the
 * actor, so that a {@code sub} that happens to equal another client's {@code azp} never
 * shares that client's keys
 */
public record Caller(String actor, String idempotencyScope) {

	static Caller of(JwtAuthenticationToken token) {
		String claim = TokenClaims.actorClaim(token.getToken()).orElseThrow();
		String issuer = String.valueOf(token.getToken().getIssuer());
		return new Caller(token.getName(), Sha256.hex(issuer + '\n' + claim + '\n' + token.getName()));
	}

}
