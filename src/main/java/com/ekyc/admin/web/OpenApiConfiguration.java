package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: its description, the RFC 9457 problem schema, the answers
 * every operation may give ({@code 400}, {@code 406}, {@code 413}, {@code 415},
 * {@code 500}, {@code 503}) and the problem schema on every error answer.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	private static final String PROBLEM_SCHEMA = "ProblemDetail";

	@Bean
	OpenAPI ekycOpenApi() {
		return new OpenAPI().info(new Info().title("eKYC Admin API").version("1").description("""
				Trusted verification of people and users: create identity verification sessions, \
				follow their status, and receive a signed callback when it changes. Every call needs \
				a service-account bearer token carrying the permission named on the operation. \
				Errors are RFC 9457 `application/problem+json`.""")).components(new Components());
	}

	// The user id's rule, checked without its regular expression (UserIdValidator), is
	// published as that expression all the same.
	@Bean
	ParameterCustomizer userIdPattern() {
		return (parameter, methodParameter) -> {
			if (parameter != null && parameter.getSchema() != null
					&& methodParameter.hasParameterAnnotation(UserId.class)) {
				parameter.getSchema().setPattern(UserId.PATTERN);
			}
			return parameter;
		};
	}

	@Bean
	OpenApiCustomizer commonErrorResponses() {
		return (openApi) -> {
			// Added with the answers that use it: springdoc drops schemas nothing refers
			// to before customizers run.
			openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach((item) -> item.readOperations().forEach(OpenApiConfiguration::addCommonAnswers));
			}
		};
	}

	/**
	 * The answers any operation may give, whatever it does: a malformed request, a body
	 * over the limit (any request may carry one), no acceptable media type, the database
	 * or token issuer away, a failure, and a body that is not JSON (any request may send
	 * one). Error answers an operation declares without a body get the problem schema.
	 */
	private static void addCommonAnswers(Operation operation) {
		ApiResponses answers = operation.getResponses();
		answers.putIfAbsent("400", problem(
				"A parameter, a header or the body is not valid; `errors` names each " + "wrong field and why"));
		answers.putIfAbsent("413", problem("The request body, of any content type, is larger than 16 KiB"));
		answers.putIfAbsent("415",
				problem((operation.getRequestBody() != null) ? "The body is not JSON, or is compressed"
						: "A body was sent (this operation takes none) and it is not JSON, or is compressed"));
		answers.addApiResponse("406", problem("The client accepts no JSON answer"));
		answers.addApiResponse("500", problem("The service failed; nothing internal is told"));
		answers.addApiResponse("503",
				problem("The database or the token issuer is unavailable, or the request ran past the statement "
						+ "time limit")
					.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
						.schema(new IntegerSchema())));
		answers.forEach((status, answer) -> {
			if (status.startsWith("4") || status.startsWith("5")) {
				answerWithProblem(answer);
			}
		});
	}

	// An error answer is a problem: it keeps the examples an operation gives, with the
	// problem schema, and loses the success type springdoc assumed for it.
	private static void answerWithProblem(ApiResponse answer) {
		MediaType given = (answer.getContent() != null)
				? answer.getContent().get(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE) : null;
		MediaType problem = (given != null) ? given : new MediaType();
		if (problem.getSchema() == null) {
			problem.setSchema(problemReference());
		}
		answer.setContent(
				new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem));
	}

	/**
	 * Says in the document what the service holds every response and request body to:
	 * request bodies take no member they do not name, and the objects the service answers
	 * always carry every member they declare, {@code null} where nullable.
	 */
	@Bean
	OpenApiCustomizer exactSchemas() {
		return (openApi) -> {
			Set<String> requestBodies = new HashSet<>();
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach((item) -> item.readOperations()
						.stream()
						.filter((operation) -> operation.getRequestBody() != null
								&& operation.getRequestBody().getContent() != null)
						.flatMap((operation) -> operation.getRequestBody().getContent().values().stream())
						.map((media) -> media.getSchema().get$ref())
						.filter(Objects::nonNull)
						.forEach((ref) -> requestBodies.add(ref.substring(ref.lastIndexOf('/') + 1))));
			}
			openApi.getComponents().getSchemas().forEach((name, schema) -> {
				if (requestBodies.contains(name)) {
					schema.setAdditionalProperties(false);
				}
				else if (!name.equals(PROBLEM_SCHEMA) && schema.getProperties() != null) {
					schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
				}
				if (schema.getProperties() != null) {
					schema.getProperties().values().forEach((property) -> allowNullInNullableEnum((Schema) property));
				}
			});
		};
	}

	// A nullable enum must list null among its values, or null is refused after all.
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void allowNullInNullableEnum(Schema property) {
		if (property.getEnum() != null && property.getTypes() != null && property.getTypes().contains("null")
				&& !property.getEnum().contains(null)) {
			property.getEnum().add(null);
		}
	}

	/**
	 * An answer of the OpenAPI document whose body is the shared problem schema.
	 */
	public static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(problemReference())));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemReference() {
		return new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA);
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		// No examples here: the schema serves every error status, and one example would
		// suit only one.
		return new ObjectSchema()
			.description("An RFC 9457 problem; some carry extension members, named where the answer is described "
					+ "(`activeSessionId`, `currentStatus` and `allowedStatuses`, `currentVersion`, "
					+ "`missingPermission`, `deliveryStatus`)")
			.required(List.of("type", "title", "status", "detail"))
			.additionalProperties(true)
			.addProperty("type", new StringSchema().format("uri").description("What kind of problem, stable"))
			.addProperty("title", new StringSchema().description("A short summary of the kind"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong with this request"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
			.addProperty("errors",
					new Schema<>().type("array")
						.description("The wrong fields, for invalid requests")
						.items(new ObjectSchema().addProperty("field", new StringSchema())
							.addProperty("message", new StringSchema())));
	}

}
