package com.ekyc.admin.security;

import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import com.ekyc.admin.web.TextRules;

/**
 * Refuses tokens that name no caller that could be recorded as the actor of a change.
 */
class ActorClaimValidator implements OAuth2TokenValidator<Jwt> {

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Optional<String> actor = TokenClaims.actor(jwt);
		if (actor.isEmpty()) {
			return failure("The token names no caller (azp, client_id or sub)");
		}
		if (actor.get().length() > TokenClaims.MAX_ACTOR_LENGTH) {
			return failure("The token's caller name is longer than " + TokenClaims.MAX_ACTOR_LENGTH + " characters");
		}
		// The actor is stored with every change and audit record: a character the
		// database cannot keep would make them fail, and hold back a batch of reads.
		if (!TextRules.isPlainText(actor.get())) {
			return failure("The token's caller name holds a NUL, an unpaired surrogate or a format character");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
