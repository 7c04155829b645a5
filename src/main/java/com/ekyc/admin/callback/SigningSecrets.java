package com.ekyc.admin.callback;

import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The format of callback signing keys, as Standard Webhooks writes them: {@code whsec_}
 * followed by the key bytes in base64.
 */
final class SigningSecrets {

	static final String PREFIX = "whsec_";

	static final int MIN_KEY_BYTES = 24;

	private SigningSecrets() {
	}

	/**
	 * The key bytes of a well-formed secret; empty for a missing, malformed or short one.
	 */
	static Optional<byte[]> decode(@Nullable String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		try {
			byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()).trim());
			return (key.length >= MIN_KEY_BYTES) ? Optional.of(key) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
