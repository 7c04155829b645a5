package com.ekyc.admin.security;

import org.jspecify.annotations.Nullable;

/**
 * Who makes a request whose token was verified, as the
 * {@link AuthenticatedRequestObserver}s see it.
 *
 * @param actor the token's {@code azp}, else {@code client_id}, else {@code sub}
 * @param issuer the token's issuer
 */
public record AuthenticatedRequest(String actor, @Nullable String issuer) {

}
