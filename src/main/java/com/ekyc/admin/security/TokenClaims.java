package com.ekyc.admin.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringTokenizer;
import java.util.stream.Stream;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads what this service needs from a token: the caller it names and the permissions it
 * carries.
 */
final class TokenClaims {

	/** Longest actor name that can be recorded. */
	static final int MAX_ACTOR_LENGTH = 255;

	private static final List<String> ACTOR_CLAIMS = List.of("azp", "client_id", "sub");

	private TokenClaims() {
	}

	/**
	 * The caller: the authorized party ({@code azp}), else {@code client_id}, else
	 * {@code sub}.
	 */
	static Optional<String> actor(Jwt jwt) {
		return actorClaim(jwt).map((claim) -> (String) jwt.getClaims().get(claim));
	}

	/**
	 * Which claim names the caller: {@code azp}, {@code client_id} or {@code sub}.
	 */
	static Optional<String> actorClaim(Jwt jwt) {
		return ACTOR_CLAIMS.stream()
			.filter((claim) -> jwt.getClaims().get(claim) instanceof String text && !text.isBlank())
			.findFirst();
	}

	/**
	 * The known permission names found in the given claims, each either a space-separated
	 * string or an array of strings.
	 */
	static Stream<String> permissions(Jwt jwt, Collection<String> claims) {
		return claims.stream()
			.map((claim) -> jwt.getClaims().get(claim))
			.flatMap(TokenClaims::names)
			.filter(Permissions.ALL::contains)
			.distinct();
	}

	private static Stream<String> names(Object value) {
		if (value instanceof String text) {
			// The words between white space, as split("\\s+") finds them, without running
			// a regular expression on every request.
			StringTokenizer words = new StringTokenizer(text.trim(), " \t\n\u000B\f\r");
			List<String> names = new ArrayList<>(words.countTokens());
			while (words.hasMoreTokens()) {
				names.add(words.nextToken());
			}
			return names.stream();
		}
		if (value instanceof Collection<?> values) {
			return values.stream().filter(String.class::isInstance).map(String.class::cast);
		}
		return Stream.empty();
	}

}
