package com.ekyc.admin.callback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Signs callbacks the Standard Webhooks way: {@code v1,<base64 HMAC-SHA256 of
 * "<id>.<timestamp>.<body>">}, once with the current key and once more with each previous
 * key during a rotation. The keys are never logged.
 */
@Component
class WebhookSigner {

	static final String PREFIX = "whsec_";

	private static final int MIN_KEY_BYTES = 24;

	private final List<SecretKeySpec> keys = new ArrayList<>();

	WebhookSigner(CallbackProperties properties) {
		this.keys.add(key("ekyc.callbacks.signing-secret", properties.signingSecret()));
		for (String previous : properties.previousSigningSecrets()) {
			this.keys.add(key("ekyc.callbacks.previous-signing-secrets", previous));
		}
	}

	/**
	 * The {@code webhook-signature} header value for one attempt.
	 */
	String sign(String webhookId, long timestamp, String body) {
		byte[] content = (webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
		List<String> signatures = new ArrayList<>();
		for (SecretKeySpec key : this.keys) {
			signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key, content)));
		}
		return String.join(" ", signatures);
	}

	private static byte[] hmac(SecretKeySpec key, byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(content);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

	private static SecretKeySpec key(String property, @Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException(property + " is required to sign callbacks: set it to " + PREFIX
					+ " followed by at least " + MIN_KEY_BYTES + " random bytes in base64 " + "(for example: echo "
					+ PREFIX + "$(openssl rand -base64 32))");
		}
		if (!secret.startsWith(PREFIX)) {
			throw new IllegalStateException(property + " must start with " + PREFIX);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length()).trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " must be " + PREFIX + " followed by base64");
		}
		if (bytes.length < MIN_KEY_BYTES) {
			throw new IllegalStateException(property + " must hold at least " + MIN_KEY_BYTES + " key bytes");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
