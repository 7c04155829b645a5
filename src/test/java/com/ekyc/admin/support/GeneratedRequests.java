package com.ekyc.admin.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;

/**
 * Generates requests for every operation of the OpenAPI document, valid and invalid: path
 * variables, query parameters, headers, tokens, content types and bodies, all drawn from
 * one {@link Random} of a given seed (see {@link Values}), so that a run can be replayed.
 */
public final class GeneratedRequests {

	private static final List<String> ACCEPT = List.of("*/*", "application/json", "application/problem+json",
			"text/html", "application/xml", "application/*", "text/*;q=0.1, application/json");

	private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/problem+json",
			"application/json;charset=utf-8");

	private static final List<String> OTHER_METHODS = List.of("HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY");

	private static final List<String> ODD_QUERIES = List.of("unknown=1", "limit=1&limit=2", "=0.0", "x=%FF", "x", "&&",
			"start=", "limit=%2B5", "status=created", "status=", "cursor=abc", "limit=1e3", "limit=%20%31");

	private final String baseUrl;

	private final List<Operation> operations = new ArrayList<>();

	private final Fixture fixture;

	private final List<String> tokens = new ArrayList<>();

	/**
	 * @param document the OpenAPI document the service serves
	 * @param fixture ids of a user, session and delivery that exist
	 * @param tokens the tokens to send, by how often to send each; {@code ""} sends none
	 */
	public GeneratedRequests(String baseUrl, JsonNode document, Fixture fixture, Map<String, Integer> tokens) {
		this.baseUrl = baseUrl;
		this.fixture = fixture;
		tokens.forEach((token, weight) -> this.tokens.addAll(Collections.nCopies(weight, token)));
		document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (method.getValue().has("responses")) {
				this.operations.add(Operation.of(method.getKey(), path.getKey(), method.getValue(), document));
			}
		}));
	}

	public List<Operation> operations() {
		return List.copyOf(this.operations);
	}

	/**
	 * One request for the operation, valid or not.
	 */
	public Generated next(Operation operation, Random random) {
		String uri = this.baseUrl + path(operation.path(), random) + query(operation.query(), random);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
		String token = pick(random, this.tokens);
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		for (JsonNode header : operation.headers()) {
			String value = Values.header(header.get("name").asString(), random);
			if (value != null) {
				request.header(header.get("name").asString(), value);
			}
		}
		if (random.nextInt(10) >= 7) {
			request.header("Accept", pick(random, ACCEPT));
		}
		String method = (random.nextInt(20) > 0) ? operation.method() : pick(random, OTHER_METHODS);
		String description = "";
		if (operation.body() != null || random.nextInt(20) == 0) {
			Body body = Values.body(operation.body(), random);
			description = body.description();
			String contentType = (random.nextInt(10) < 7) ? "application/json" : pick(random, CONTENT_TYPES);
			if (!contentType.isEmpty()) {
				request.header("Content-Type", contentType);
			}
			request.method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpRequest built = request.build();
		return new Generated(built, built.method() + " " + built.uri() + " " + built.headers().map() + " body: "
				+ ((description.length() > 300) ? description.substring(0, 300) + "…" : description));
	}

	private String path(String template, Random random) {
		StringBuilder path = new StringBuilder();
		for (String segment : template.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			String value = switch (segment) {
				case "{userId}" -> Values.percentEncode(Values.userId(this.fixture, random));
				case "{sessionId}" -> Values.percentEncode(Values.id(this.fixture.sessionId(), random));
				case "{deliveryId}" -> Values.percentEncode(Values.id(this.fixture.deliveryId(), random));
				default -> segment;
			};
			path.append('/').append(value);
		}
		return path.toString();
	}

	private static String query(List<JsonNode> parameters, Random random) {
		StringJoiner query = new StringJoiner("&", "?", "");
		query.setEmptyValue("");
		for (JsonNode parameter : parameters) {
			for (String value : Values.query(parameter.get("schema"), random)) {
				query.add(parameter.get("name").asString() + "=" + value);
			}
		}
		if (random.nextInt(10) == 0) {
			query.add(pick(random, ODD_QUERIES));
		}
		return query.toString();
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/**
	 * A generated request, and what it is for failure messages.
	 */
	public record Generated(HttpRequest request, String description) {
	}

	/**
	 * Ids that exist, for requests that can succeed.
	 */
	public record Fixture(String userId, String sessionId, String deliveryId) {
	}

	/**
	 * A request body as bytes, and what it is for failure messages.
	 */
	record Body(byte[] bytes, String description) {

		static Body of(String json) {
			return new Body(json.getBytes(StandardCharsets.UTF_8), json);
		}

	}

	/**
	 * One operation of the document: its method, path template, query and header
	 * parameters, and the schema of its JSON body if it takes one.
	 */
	public record Operation(String method, String path, List<JsonNode> query, List<JsonNode> headers, JsonNode body) {

		static Operation of(String method, String path, JsonNode operation, JsonNode document) {
			List<JsonNode> query = new ArrayList<>();
			List<JsonNode> headers = new ArrayList<>();
			if (operation.has("parameters")) {
				for (JsonNode parameter : operation.get("parameters")) {
					switch (parameter.get("in").asString()) {
						case "query" -> query.add(parameter);
						case "header" -> headers.add(parameter);
						default -> {
						}
					}
				}
			}
			JsonNode body = null;
			if (operation.has("requestBody")) {
				String ref = operation.get("requestBody")
					.get("content")
					.get("application/json")
					.get("schema")
					.get("$ref")
					.asString();
				body = document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
			}
			return new Operation(method.toUpperCase(Locale.ROOT), path, query, headers, body);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
