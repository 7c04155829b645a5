package com.ekyc.admin.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A callback receiver for local development, like {@code stripe listen}: it takes the
 * callbacks the service sends to {@code http://127.0.0.1:<port>/callbacks} (any path),
 * checks each one's Standard Webhooks signature with the development key, prints it on
 * the console, and lists the last ones it received as JSON on {@code GET /callbacks}.
 */
public final class CallbackInspector implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CallbackInspector.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int KEPT = 100;

	private final HttpServer server;

	private final Webhook verifier;

	private final Deque<Map<String, Object>> received = new ArrayDeque<>();

	private CallbackInspector(HttpServer server, String signingSecret) {
		this.server = server;
		this.verifier = new Webhook(signingSecret);
	}

	/**
	 * Starts the inspector on 127.0.0.1.
	 * @throws IOException when the port is taken
	 */
	public static CallbackInspector start(int port, String signingSecret) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		CallbackInspector inspector = new CallbackInspector(server, signingSecret);
		server.createContext("/", inspector::handle);
		server.setExecutor(Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "callback-inspector");
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
		return inspector;
	}

	/** Where the service should send callbacks. */
	public String callbackUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/callbacks";
	}

	private void handle(HttpExchange exchange) throws IOException {
		switch (exchange.getRequestMethod()) {
			case "POST" -> receive(exchange);
			case "GET" -> respond(exchange, 200, json.writeValueAsString(list()));
			default -> respond(exchange, 405, "{\"error\":\"GET lists the callbacks, POST is a callback\"}");
		}
	}

	private void receive(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		boolean valid;
		try {
			this.verifier.verify(body, headers);
			valid = true;
		}
		catch (WebhookVerificationException ex) {
			valid = false;
		}
		Map<String, Object> callback = new LinkedHashMap<>();
		callback.put("receivedAt", Instant.now().toString());
		callback.put("path", exchange.getRequestURI().getPath());
		callback.put("webhookId", first(headers, "webhook-id"));
		callback.put("signatureValid", valid);
		callback.put("body", parse(body));
		synchronized (this.received) {
			this.received.addLast(callback);
			while (this.received.size() > KEPT) {
				this.received.removeFirst();
			}
		}
		logger.info("Callback received: {}", summary(body, valid));
		respond(exchange, 204, null);
	}

	private static String summary(String body, boolean valid) {
		String signature = valid ? "signature valid" : "SIGNATURE NOT VALID";
		try {
			JsonNode event = json.readTree(body);
			JsonNode data = event.path("data");
			return "%s, session %s of user %s: %s → %s (sequence %s), %s".formatted(event.path("type").asString(),
					data.path("sessionId").asString(), data.path("userId").asString(),
					data.path("previousStatus").asString(), data.path("status").asString(),
					data.path("sequence").asString(), signature);
		}
		catch (RuntimeException ex) {
			return "a body that is not JSON, " + signature;
		}
	}

	private static Object parse(String body) {
		try {
			return json.readTree(body);
		}
		catch (RuntimeException ex) {
			return body;
		}
	}

	private List<Map<String, Object>> list() {
		synchronized (this.received) {
			return new ArrayList<>(this.received);
		}
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
