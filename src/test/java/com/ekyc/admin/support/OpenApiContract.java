package com.ekyc.admin.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Holds every answer the tests get against the OpenAPI document the service itself
 * serves, so that a difference between code and document fails the build. Only answers
 * are judged: tests send wrong requests on purpose. Requests to paths or with methods the
 * document does not describe are not judged.
 */
final class OpenApiContract {

	// By base URL; empty for a port that serves no document (the management port).
	private static final Map<String, Optional<OpenApiInteractionValidator>> validators = new ConcurrentHashMap<>();

	private OpenApiContract() {
	}

	/**
	 * @throws AssertionError when the answer is not what the document says
	 */
	static void check(String baseUrl, HttpRequest request, ApiResponse response) {
		Request.Method method;
		try {
			method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		SimpleResponse.Builder answer = new SimpleResponse.Builder(response.status()).withBody(response.body());
		response.headers().map().forEach(answer::withHeader);
		String path = request.uri().getRawPath();
		Optional<OpenApiInteractionValidator> validator = validatorFor(baseUrl);
		if (validator.isEmpty() || path.endsWith("/") || path.contains("//")) {
			// An empty path segment is no documented path, though the validator would
			// match "/sessions/" to "/sessions".
			return;
		}
		ValidationReport report = validator.get().validateResponse(path, method, answer.build());
		if (report.hasErrors()) {
			throw new AssertionError("The answer to " + request.method() + " " + request.uri()
					+ " is not what the OpenAPI document says: " + report.getMessages() + "\nAnswer: " + response);
		}
	}

	private static Optional<OpenApiInteractionValidator> validatorFor(String baseUrl) {
		return validators.computeIfAbsent(baseUrl, (url) -> document(url)
			.map((document) -> OpenApiInteractionValidator.createForInlineApiSpecification(document)
				.withLevelResolver(
						LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
				.build()));
	}

	private static Optional<String> document(String baseUrl) {
		try {
			HttpResponse<String> document = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).build(),
						HttpResponse.BodyHandlers.ofString());
			return (document.statusCode() == 200) ? Optional.of(document.body()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
