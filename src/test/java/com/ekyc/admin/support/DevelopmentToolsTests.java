package com.ekyc.admin.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What development mode adds: ports that say which variable moves them when taken, and a
 * callback inspector that checks signatures.
 */
class DevelopmentToolsTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void namesTheBusyPortAndTheVariableThatMovesIt() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
			int port = taken.getLocalPort();
			DevelopmentPorts ports = DevelopmentPorts.of(Map.of("EKYC_DEV_ISSUER_PORT", String.valueOf(port)),
					new String[0]);

			assertThat(ports.issuer()).isEqualTo(port);
			assertThat(ports.problems())
				.anyMatch((problem) -> problem.startsWith("Port " + port + " (the local token issuer) is in use")
						&& problem.contains("EKYC_DEV_ISSUER_PORT"));
		}
	}

	@Test
	void takesTheApiPortFromTheArgumentsBeforeTheEnvironment() {
		DevelopmentPorts ports = DevelopmentPorts.of(Map.of("SERVER_PORT", "8181"),
				new String[] { "--server.port=8282" });

		assertThat(ports.api()).isEqualTo(8282);
		assertThat(DevelopmentPorts.of(Map.of(), new String[0]).api()).isEqualTo(8080);
	}

	@Test
	void checksEachCallbacksSignatureAndListsWhatArrived() throws Exception {
		try (CallbackInspector inspector = CallbackInspector.start(0,
				LocalDevelopmentConfiguration.DEV_SIGNING_SECRET)) {
			String body = "{\"type\":\"ekyc.session.status_changed\",\"data\":{\"status\":\"IN_PROGRESS\"}}";
			long now = Instant.now().getEpochSecond();
			String signature = new Webhook(LocalDevelopmentConfiguration.DEV_SIGNING_SECRET).sign("msg_1", now, body);

			send(inspector, body, "msg_1", now, signature);
			send(inspector, body.replace("IN_PROGRESS", "APPROVED"), "msg_2", now, signature);

			JsonNode received = JsonMapper.builder()
				.build()
				.readTree(http
					.send(HttpRequest.newBuilder(URI.create(inspector.callbackUrl())).build(),
							HttpResponse.BodyHandlers.ofString())
					.body());
			assertThat(received).hasSize(2);
			assertThat(received.get(0).get("webhookId").asString()).isEqualTo("msg_1");
			assertThat(received.get(0).get("signatureValid").asBoolean()).isTrue();
			assertThat(received.get(1).get("signatureValid").asBoolean()).isFalse();
			assertThat(received.get(0).get("body").get("data").get("status").asString()).isEqualTo("IN_PROGRESS");
		}
	}

	private static void send(CallbackInspector inspector, String body, String id, long timestamp, String signature)
			throws Exception {
		HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(inspector.callbackUrl()))
			.header("webhook-id", id)
			.header("webhook-timestamp", String.valueOf(timestamp))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(answer.statusCode()).isEqualTo(204);
	}

}
