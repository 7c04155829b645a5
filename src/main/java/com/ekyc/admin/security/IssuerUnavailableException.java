package com.ekyc.admin.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * No key of the token issuer could ever be loaded, so no token can be judged: answered
 * {@code 503}, not {@code 401}, since the caller did nothing wrong. A
 * {@link BadJwtException}, so that Spring Security hands it to the entry point instead of
 * failing the request.
 */
class IssuerUnavailableException extends BadJwtException {

	IssuerUnavailableException(Throwable cause) {
		super("The token issuer's keys could not be loaded", cause);
	}

}
