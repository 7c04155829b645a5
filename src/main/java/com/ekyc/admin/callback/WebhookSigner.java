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

	private final List<SecretKeySpec> keys = new ArrayList<>();

	WebhookSigner(CallbackProperties properties) {
		this.keys.add(key(properties.signingSecret()));
		for (String previous : properties.previousSigningSecrets()) {
			this.keys.add(key(previous));
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

	// The settings are validated at start-up: a key that is not well formed never
	// gets here.
	private static SecretKeySpec key(@Nullable String secret) {
		byte[] bytes = SigningSecrets.decode(secret)
			.orElseThrow(() -> new IllegalArgumentException("not a well-formed signing secret"));
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
