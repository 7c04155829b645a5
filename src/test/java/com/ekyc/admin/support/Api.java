package com.ekyc.admin.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the running service over real HTTP, as curl or a client library would, and holds
 * every answer against the service's OpenAPI document ({@link OpenApiContract}).
 */
public final class Api {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public Api(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public ApiResponse get(String path, String token) {
		return send("GET", path, token, null);
	}

	public ApiResponse post(String path, String token, String json, String... headers) {
		return send("POST", path, token, json, headers);
	}

	/**
	 * Sends a request; {@code token} and {@code body} may be null, {@code headers} are
	 * name and value pairs. A JSON body gets {@code Content-Type: application/json}
	 * unless the headers name another.
	 */
	public ApiResponse send(String method, String path, String token, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		boolean contentTypeGiven = false;
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
		}
		if (body != null && !contentTypeGiven) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	public ApiResponse send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			ApiResponse answer = new ApiResponse(response.statusCode(), response.headers(), response.body());
			OpenApiContract.check(this.baseUrl, request, answer);
			return answer;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return this.baseUrl;
	}

}
