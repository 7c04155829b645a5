package com.ekyc.admin.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: its description, the RFC 9457 problem schema, and the
 * answers every operation may give ({@code 406}, {@code 500}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	static final String PROBLEM_SCHEMA = "ProblemDetail";

	@Bean
	OpenAPI ekycOpenApi() {
		return new OpenAPI().info(new Info().title("eKYC Admin API").version("1").description("""
				Trusted verification of people and users: create identity verification sessions, \
				follow their status, and receive a signed callback when it changes. Every call needs \
				a service-account bearer token carrying the permission named on the operation. \
				Errors are RFC 9457 `application/problem+json`."""))
			.components(new Components().addSchemas(PROBLEM_SCHEMA, problemSchema()));
	}

	@Bean
	OpenApiCustomizer commonErrorResponses() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths()
				.values()
				.forEach((item) -> item.readOperations()
					.forEach((operation) -> operation.getResponses()
						.addApiResponse("406", problem("The client accepts no JSON answer"))
						.addApiResponse("500", problem("The service failed; nothing internal is told"))));
		};
	}

	/**
	 * An answer of the OpenAPI document whose body is the shared problem schema.
	 */
	public static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		// No examples here: the schema serves every error status, and one example would
		// suit only one.
		return new ObjectSchema().description("An RFC 9457 problem")
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
