package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is served without a token and describes every operation fully:
 * summary, description, the permission, the security schemes and every error answer.
 */
class OpenApiDocumentIntegrationTests extends IntegrationTest {

	@Test
	void documentsEveryOperationWithItsPermissionAndErrors() {
		JsonNode document = document();
		List<Map.Entry<String, JsonNode>> operations = operations(document);

		assertThat(operations).hasSize(9);
		assertThat(operations).allSatisfy((entry) -> {
			JsonNode operation = entry.getValue();
			String permission = operation.get("x-permission").asString();
			assertThat(permission).as(entry.getKey()).startsWith("ekyc.session.");
			assertThat(operation.get("summary").asString()).as(entry.getKey()).isNotBlank();
			assertThat(operation.get("description").asString()).as(entry.getKey()).contains(permission);
			assertThat(operation.get("responses").propertyNames()).as(entry.getKey())
				.contains("400", "401", "403", "406", "500")
				.containsAnyOf("200", "202");
			assertThat(operation.get("security").toString()).as(entry.getKey()).contains("bearer");
		});
	}

	@Test
	void documentsCreateErrorsAndHeaders() {
		JsonNode create = document().get("paths").get("/ekyc/admin/{userId}/sessions").get("post");

		assertThat(create.get("responses").propertyNames()).contains("409", "413", "415", "422");
		assertThat(create.get("responses").get("200").get("headers").propertyNames()).contains("Location", "ETag",
				"Idempotent-Replayed");
		assertThat(create.get("parameters").toString()).contains("Idempotency-Key");
	}

	@Test
	void describesEveryResponseHeaderWithASchema() {
		List<String> headersWithoutSchema = new ArrayList<>();
		operations(document())
			.forEach((operation) -> operation.getValue().get("responses").properties().forEach((response) -> {
				JsonNode headers = response.getValue().get("headers");
				if (headers != null) {
					headers.properties()
						.stream()
						.filter((header) -> !header.getValue().has("schema") && !header.getValue().has("content"))
						.forEach((header) -> headersWithoutSchema
							.add(operation.getKey() + " " + response.getKey() + " " + header.getKey()));
				}
			}));

		assertThat(headersWithoutSchema).as("OpenAPI requires a schema (or content) on every header").isEmpty();
	}

	@Test
	void documentsListParametersWithDefaultsAndBounds() {
		JsonNode parameters = document().get("paths").get("/ekyc/admin").get("get").get("parameters");

		JsonNode limit = parameters.get(0).get("schema");
		assertThat(parameters.get(0).get("name").asString()).isEqualTo("limit");
		assertThat(limit.get("default").asInt()).isEqualTo(1024);
		assertThat(limit.get("minimum").asInt()).isEqualTo(1);
		assertThat(limit.get("maximum").asInt()).isEqualTo(1024);
		assertThat(parameters.get(1).get("schema").get("default").asInt()).isEqualTo(0);
	}

	@Test
	void declaresClientCredentialsAndBearerSchemes() {
		JsonNode schemes = document().get("components").get("securitySchemes");

		assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
		JsonNode flow = schemes.get("oauth2").get("flows").get("clientCredentials");
		assertThat(flow.get("tokenUrl").asString()).isEqualTo(issuer.tokenUri());
		assertThat(flow.get("scopes").propertyNames()).containsExactlyInAnyOrder("ekyc.session.list",
				"ekyc.session.get", "ekyc.session.create", "ekyc.session.update");
	}

	@Test
	void asksForTheOperationsPermissionAsOAuth2Scope() {
		JsonNode list = document().get("paths").get("/ekyc/admin").get("get");

		assertThat(list.get("security").get(0).get("oauth2").get(0).asString()).isEqualTo("ekyc.session.list");
	}

	private JsonNode document() {
		ApiResponse response = api().get("/v3/api-docs", null);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static List<Map.Entry<String, JsonNode>> operations(JsonNode document) {
		List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
		document.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> operations
					.add(Map.entry(method.getKey() + " " + path.getKey(), method.getValue()))));
		return operations;
	}

}
