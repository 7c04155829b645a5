package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.security.ApiOperation;
import com.ekyc.admin.security.Permissions;
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

		assertThat(operations).hasSize(13);
		assertThat(operations).allSatisfy((entry) -> {
			JsonNode operation = entry.getValue();
			String permission = operation.get("x-permission").asString();
			assertThat(permission).as(entry.getKey()).isIn(Permissions.ALL);
			assertThat(operation.get("summary").asString()).as(entry.getKey()).isNotBlank();
			assertThat(operation.get("description").asString()).as(entry.getKey()).contains(permission);
			assertThat(operation.get("responses").propertyNames()).as(entry.getKey())
				.contains("400", "401", "403", "406", "500")
				.containsAnyOf("200", "202");
			assertThat(operation.get("security").toString()).as(entry.getKey()).contains("bearer");
		});
	}

	@Test
	void offersTheAuditTrailCursorPagingOnly() {
		List<String> names = new ArrayList<>();
		document().get("paths")
			.get("/ekyc/admin/audit")
			.get("get")
			.get("parameters")
			.forEach((each) -> names.add(each.get("name").asString()));

		assertThat(names).contains("limit", "cursor").doesNotContain("start");
	}

	@Test
	void listsEveryOperationOfTheAuditTrailAsTheTableNamesThem() {
		JsonNode document = document();
		List<String> parameter = new ArrayList<>();
		document.get("paths").get("/ekyc/admin/audit").get("get").get("parameters").forEach((each) -> {
			if (each.get("name").asString().equals("operation")) {
				each.get("schema").get("enum").forEach((name) -> parameter.add(name.asString()));
			}
		});
		List<String> field = new ArrayList<>();
		document.get("components")
			.get("schemas")
			.get("AuditRecord")
			.get("properties")
			.get("operation")
			.get("enum")
			.forEach((name) -> field.add(name.asString()));

		assertThat(parameter).containsExactlyInAnyOrderElementsOf(ApiOperation.NAMES);
		assertThat(field).containsExactlyInAnyOrderElementsOf(ApiOperation.NAMES);
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
	void describesWhatTheTableOfMovesAndTheSettingsDecide() {
		JsonNode paths = document().get("paths");
		String changeStatus = paths.get("/ekyc/admin/{userId}/sessions/{sessionId}/status")
			.get("post")
			.get("description")
			.asString();
		JsonNode create = paths.get("/ekyc/admin/{userId}/sessions").get("post");

		assertThat(changeStatus)
			.contains("CREATED → IN_PROGRESS, SUBMITTED, CANCELLED;",
					"IN_REVIEW → RESUBMISSION_REQUESTED, APPROVED, REJECTED, CANCELLED;",
					"APPROVED, REJECTED, EXPIRED and CANCELLED are terminal; EXPIRED is set only by the service.")
			.doesNotContain("{");
		assertThat(create.get("description").asString()).contains("within 24 hours").doesNotContain("{");
		assertThat(create.get("parameters").toString()).contains("within 24 hours");
	}

	@Test
	void answersEveryErrorWithTheProblemSchemaOnly() {
		operations(document()).forEach((operation) -> operation.getValue()
			.get("responses")
			.properties()
			.stream()
			.filter((answer) -> answer.getKey().startsWith("4") || answer.getKey().startsWith("5"))
			.forEach((answer) -> {
				JsonNode content = answer.getValue().get("content");
				assertThat(content.propertyNames()).as(operation.getKey() + " " + answer.getKey())
					.containsExactly("application/problem+json");
				assertThat(content.get("application/problem+json").get("schema").get("$ref").asString())
					.isEqualTo("#/components/schemas/ProblemDetail");
			}));
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

	@Test
	void publishesTheUserIdPatternTheServiceEnforces() {
		List<String> patterns = new ArrayList<>();
		operations(document()).stream()
			.filter((operation) -> operation.getValue().has("parameters"))
			.forEach((operation) -> operation.getValue().get("parameters").forEach((parameter) -> {
				if (parameter.get("name").asString().equals("userId")) {
					patterns.add(parameter.get("schema").get("pattern").asString());
				}
			}));

		// Eight endpoints under a user, the erasure, and the audit trail's filter.
		assertThat(patterns).hasSize(10).containsOnly(patterns.get(0));
		Pattern userId = Pattern.compile(patterns.get(0));
		assertThat(List.of("a/b", "a\\b", "a;b", "a%b", ".", "..", "a\u202Eb", "a\u200Bb", "a b", "a\u0000b", "",
				"u".repeat(256)))
			.noneMatch((value) -> userId.matcher(value).find());
		assertThat(List.of("user-42", "a.b", "...", "Zap{cC}-p_42.user@example.com", "検証", "u".repeat(255)))
			.allMatch((value) -> userId.matcher(value).find());
	}

	@ParameterizedTest
	@ValueSource(strings = { "CreateSessionRequest", "ChangeStatusRequest", "EraseUserRequest" })
	void refusesUnknownMembersInRequestSchemas(String schema) {
		JsonNode request = document().get("components").get("schemas").get(schema);

		assertThat(request.get("additionalProperties")).isNotNull();
		assertThat(request.get("additionalProperties").isBoolean()).isTrue();
		assertThat(request.get("additionalProperties").asBoolean()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "CallbackDelivery, lastAttemptAt", "CallbackDelivery, deliveredAt", "CallbackDelivery, lastStatusCode",
			"CallbackDelivery, lastError", "Session, callback", "Session, reason", "Session, completedAt",
			"SessionEvent, from", "SessionEvent, reason", "Status, reason", "SessionPage, start",
			"SessionPage, nextStart", "SessionPage, nextCursor", "UserSessions, nextStart", "SessionHistory, nextStart",
			"CallbackDeliveries, nextStart" })
	void marksFieldsThatCanBeNullAsNullable(String schema, String property) {
		JsonNode field = document().get("components").get("schemas").get(schema).get("properties").get(property);

		assertThat(field).as(schema + "." + property).isNotNull();
		boolean nullable = (field.has("nullable") && field.get("nullable").asBoolean())
				|| (field.has("type") && field.get("type").toString().contains("\"null\""));
		assertThat(nullable).as(schema + "." + property + ": " + field).isTrue();
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
