package com.ekyc.admin.security;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request whose token was verified, for one of the API's operations, as the
 * {@link AuthenticatedRequestObserver}s see it before it is authorized and handled.
 *
 * @param actor who makes it: the token's {@code azp}, else {@code client_id}, else
 * {@code sub}
 * @param issuer the token's issuer
 * @param operation the operation's name, such as {@code session.get}
 * @param pathVariables the values of the endpoint's path variables, by name, as sent
 */
public record AuthenticatedRequest(String actor, @Nullable String issuer, String operation,
		Map<String, String> pathVariables) {

}
