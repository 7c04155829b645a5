package com.ekyc.admin.callback;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookSignerTests {

	private static final String PREVIOUS = "whsec_QmVmb3JlIHJvdGF0aW9uIHRoaXMgd2FzIHRoZSBrZXk=";

	@Test
	void signsAsTheStandardWebhooksLibraryVerifies() {
		WebhookSigner signer = new WebhookSigner(properties(TestCallbackProperties.SECRET, List.of()));
		String body = "{\"type\":\"ekyc.session.status_changed\"}";
		long timestamp = System.currentTimeMillis() / 1000;

		String signature = signer.sign("msg_1", timestamp, body);

		assertThat(signature).startsWith("v1,");
		assertThatNoException().isThrownBy(() -> new Webhook(TestCallbackProperties.SECRET).verify(body,
				Map.of("webhook-id", List.of("msg_1"), "webhook-timestamp", List.of(Long.toString(timestamp)),
						"webhook-signature", List.of(signature))));
	}

	@Test
	void addsOneSignaturePerPreviousSecretDuringRotation() throws Exception {
		WebhookSigner signer = new WebhookSigner(properties(TestCallbackProperties.SECRET, List.of(PREVIOUS)));
		long timestamp = System.currentTimeMillis() / 1000;

		String[] signatures = signer.sign("msg_2", timestamp, "{}").split(" ");

		assertThat(signatures).hasSize(2);
		assertThat(signatures[1]).isEqualTo(new Webhook(PREVIOUS).sign("msg_2", timestamp, "{}"));
	}

	@Test
	void changesSignatureWithTimestamp() {
		WebhookSigner signer = new WebhookSigner(properties(TestCallbackProperties.SECRET, List.of()));

		assertThat(signer.sign("msg", 1000, "{}")).isNotEqualTo(signer.sign("msg", 1001, "{}"));
	}

	@Test
	void refusesToStartWithoutSecretSayingHowToMakeOne() {
		assertThatIllegalStateException().isThrownBy(() -> new WebhookSigner(properties(null, List.of())))
			.withMessageContaining("ekyc.callbacks.signing-secret is required")
			.withMessageContaining("whsec_");
	}

	@Test
	void refusesMalformedOrShortSecretsWithoutEchoingThem() {
		assertThatIllegalStateException().isThrownBy(() -> new WebhookSigner(properties("secret123", List.of())))
			.withMessageNotContaining("secret123");
		assertThatIllegalStateException().isThrownBy(() -> new WebhookSigner(properties("whsec_c2hvcnQ=", List.of())))
			.withMessageContaining("at least 24");
		assertThatIllegalStateException().isThrownBy(() -> new WebhookSigner(properties("whsec_!!!", List.of())));
	}

	private static CallbackProperties properties(@Nullable String secret, List<String> previous) {
		return new CallbackProperties(false, false, (URI) null, secret, previous, Duration.ofSeconds(10),
				List.of(Duration.ofSeconds(5)), 4, Duration.ofMinutes(2), Duration.ofSeconds(1), true);
	}

}
