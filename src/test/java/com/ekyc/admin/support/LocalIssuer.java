package com.ekyc.admin.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OAuth2 token issuer on 127.0.0.1 for tests and local development only: it
 * serves its public key as a JWKS at {@code /jwks} and its metadata at
 * {@code /.well-known/openid-configuration}, issues client-credentials tokens at
 * {@code /token} to the clients of {@link LocalClient}, and mints tokens with any claims
 * for tests. Tests count its JWKS fetches and can make its JWKS endpoint fail or hang.
 */
public final class LocalIssuer implements AutoCloseable {

	/** The audience its tokens carry and the service is configured to expect. */
	public static final String AUDIENCE = "ekyc-admin";

	/** The longest a hanging JWKS answer is held back. */
	private static final long MAX_HANG_SECONDS = 60;

	private final RSAKey signingKey;

	private final HttpServer server;

	private final ExecutorService workers;

	private final AtomicInteger jwksFetches = new AtomicInteger();

	private volatile JwksMode jwksMode = JwksMode.UP;

	private volatile CountDownLatch hangReleased = new CountDownLatch(0);

	private LocalIssuer(RSAKey signingKey, HttpServer server, ExecutorService workers) {
		this.signingKey = signingKey;
		this.server = server;
		this.workers = workers;
	}

	public static LocalIssuer start(int port) {
		try {
			RSAKey key = newKey();
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			// Threads of their own, so that a hanging answer holds up no other request.
			ExecutorService workers = Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "local-issuer");
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(workers);
			LocalIssuer issuer = new LocalIssuer(key, server, workers);
			server.createContext("/jwks", issuer::serveKeys);
			server.createContext("/.well-known/openid-configuration", issuer::serveMetadata);
			server.createContext("/token", issuer::serveToken);
			server.start();
			return issuer;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the local token issuer", ex);
		}
	}

	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String issuerUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String jwksUri() {
		return issuerUri() + "/jwks";
	}

	public String tokenUri() {
		return issuerUri() + "/token";
	}

	/** How many times its JWKS was asked for since it started. */
	public int jwksFetches() {
		return this.jwksFetches.get();
	}

	/**
	 * Makes its JWKS endpoint answer normally ({@link JwksMode#UP}), fail with
	 * {@code 503} ({@link JwksMode#DOWN}) or hold every answer back until the mode
	 * changes again ({@link JwksMode#HANGING}).
	 */
	public void jwksMode(JwksMode mode) {
		CountDownLatch previous = this.hangReleased;
		this.hangReleased = (mode == JwksMode.HANGING) ? new CountDownLatch(1) : new CountDownLatch(0);
		this.jwksMode = mode;
		previous.countDown();
	}

	/**
	 * Claims of a valid token for the given caller; tests change them before signing.
	 */
	public JWTClaimsSet.Builder claims(String clientId, String... permissions) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuerUri())
			.audience(AUDIENCE)
			.subject(clientId)
			.claim("azp", clientId)
			.claim("client_id", clientId)
			.claim("scope", String.join(" ", permissions))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.jwtID(UUID.randomUUID().toString());
	}

	public String token(String clientId, String... permissions) {
		return sign(claims(clientId, permissions).build());
	}

	public String sign(JWTClaimsSet claims) {
		return sign(claims, this.signingKey);
	}

	public static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void serveKeys(HttpExchange exchange) throws IOException {
		this.jwksFetches.incrementAndGet();
		JwksMode mode = this.jwksMode;
		if (mode == JwksMode.HANGING) {
			try {
				this.hangReleased.await(MAX_HANG_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (mode != JwksMode.UP) {
			respond(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
			return;
		}
		respond(exchange, 200, new JWKSet(this.signingKey.toPublicJWK()).toString());
	}

	private void serveMetadata(HttpExchange exchange) throws IOException {
		respond(exchange, 200, "{\"issuer\":\"" + issuerUri() + "\",\"jwks_uri\":\"" + jwksUri()
				+ "\",\"token_endpoint\":\"" + tokenUri() + "\"}");
	}

	private void serveToken(HttpExchange exchange) throws IOException {
		if ("OPTIONS".equals(exchange.getRequestMethod())) {
			// Swagger UI asks for tokens from the API's origin: answer the browser's CORS
			// preflight.
			exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
			exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
			exchange.getResponseHeaders()
				.set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Requested-With");
			exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		if (!"POST".equals(exchange.getRequestMethod())) {
			respond(exchange, 405, "{\"error\":\"invalid_request\"}");
			return;
		}
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Map<String, String> credentials = credentials(exchange, form);
		LocalClient client = LocalClient.find(credentials.get("client_id"), credentials.get("client_secret"));
		if (client == null) {
			respond(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		if (!"client_credentials".equals(form.get("grant_type"))) {
			respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
			return;
		}
		Set<String> scopes = new LinkedHashSet<>(client.permissions());
		String requested = form.get("scope");
		if (requested != null && !requested.isBlank()) {
			List<String> asked = Arrays.asList(requested.trim().split("\\s+"));
			if (!client.permissions().containsAll(asked)) {
				respond(exchange, 400, "{\"error\":\"invalid_scope\"}");
				return;
			}
			scopes.retainAll(asked);
		}
		String token = token(client.clientId(), scopes.toArray(String[]::new));
		respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":600,"
				+ "\"scope\":\"" + String.join(" ", scopes) + "\"}");
	}

	private static Map<String, String> credentials(HttpExchange exchange, Map<String, String> form) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				return Map.of("client_id", decode(decoded.substring(0, colon)), "client_secret",
						decode(decoded.substring(colon + 1)));
			}
		}
		Map<String, String> fromForm = new HashMap<>();
		fromForm.put("client_id", form.get("client_id"));
		fromForm.put("client_secret", form.get("client_secret"));
		return fromForm;
	}

	private static Map<String, String> form(String body) {
		Map<String, String> values = new HashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
			}
		}
		return values;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.hangReleased.countDown();
		this.server.stop(0);
		this.workers.shutdownNow();
	}

	/** How its JWKS endpoint answers. */
	public enum JwksMode {

		/** With its key. */
		UP,

		/** {@code 503} at once. */
		DOWN,

		/** Not at all until the mode changes (then {@code 503}). */
		HANGING

	}

}
