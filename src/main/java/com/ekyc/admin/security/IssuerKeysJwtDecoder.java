package com.ekyc.admin.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Decodes tokens with the issuer's keys and says what a failure to get a key means: a
 * token whose key cannot be found now is invalid ({@code 401}), unless no key was ever
 * loaded ({@code 503}). Without this, such failures would surface as server errors.
 */
final class IssuerKeysJwtDecoder implements JwtDecoder {

	private final JwtDecoder decoder;

	private final IssuerKeys keys;

	IssuerKeysJwtDecoder(JwtDecoder decoder, IssuerKeys keys) {
		this.decoder = decoder;
		this.keys = keys;
	}

	@Override
	public Jwt decode(String token) {
		try {
			return this.decoder.decode(token);
		}
		catch (BadJwtException ex) {
			throw ex;
		}
		catch (JwtException ex) {
			if (!this.keys.everLoaded()) {
				throw new IssuerUnavailableException(ex);
			}
			throw new BadJwtException("The token's signing key is not among the issuer's keys", ex);
		}
	}

}
