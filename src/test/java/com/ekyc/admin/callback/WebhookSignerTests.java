package com.ekyc.admin.callback;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookSignerTests {

	private static final String PREVIOUS = "whsec_QmVmb3JlIHJvdGF0aW9uIHRoaXMgd2FzIHRoZSBrZXk=";

	@Test
	void signsAsTheStandardWebhooksLibraryVerifies() {
		WebhookSigner signer = new WebhookSigner(properties(TestKeys.SIGNING_SECRET, List.of()));
		String body = "{\"type\":\"ekyc.session.status_changed\"}";
		long timestamp = System.currentTimeMillis() / 1000;

		String signature = signer.sign("msg_1", timestamp, body);

		assertThat(signature).startsWith("v1,");
		assertThatNoException()
			.isThrownBy(() -> new Webhook(TestKeys.SIGNING_SECRET).verify(body, Map.of("webhook-id", List.of("msg_1"),
					"webhook-timestamp", List.of(Long.toString(timestamp)), "webhook-signature", List.of(signature))));
	}

	@Test
	void addsOneSignaturePerPreviousSecretDuringRotation() throws Exception {
		WebhookSigner signer = new WebhookSigner(properties(TestKeys.SIGNING_SECRET, List.of(PREVIOUS)));
		long timestamp = System.currentTimeMillis() / 1000;

		String[] signatures = signer.sign("msg_2", timestamp, "{}").split(" ");

		assertThat(signatures).hasSize(2);
		assertThat(signatures[1]).isEqualTo(new Webhook(PREVIOUS).sign("msg_2", timestamp, "{}"));
	}

	@Test
	void changesSignatureWithTimestamp() {
		WebhookSigner signer = new WebhookSigner(properties(TestKeys.SIGNING_SECRET, List.of()));

		assertThat(signer.sign("msg", 1000, "{}")).isNotEqualTo(signer.sign("msg", 1001, "{}"));
	}

	private static CallbackProperties properties(String secret, List<String> previous) {
		return new CallbackProperties(false, false, (URI) null, secret, previous, Duration.ofSeconds(10),
				List.of(Duration.ofSeconds(5)), 4, Duration.ofMinutes(2), Duration.ofSeconds(1), true);
	}

}
