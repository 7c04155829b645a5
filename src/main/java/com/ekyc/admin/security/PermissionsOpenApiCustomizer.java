package com.ekyc.admin.security;

import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import com.ekyc.admin.web.OpenApiConfiguration;

/**
 * Writes the security of every operation into the OpenAPI document from
 * {@link EndpointPermissions}: the OAuth2 client-credentials scheme (when a token URL is
 * configured) and a bearer scheme, the permission each operation needs, and its
 * {@code 401} and {@code 403} answers.
 */
@Component
class PermissionsOpenApiCustomizer implements OpenApiCustomizer {

	static final String OAUTH2 = "oauth2";

	static final String BEARER = "bearer";

	private static final Map<String, String> DESCRIPTIONS = new TreeMap<>(
			Map.of(Permissions.LIST, "List every session", Permissions.GET, "Read a user's sessions and status",
					Permissions.CREATE, "Start a session", Permissions.UPDATE, "Change a session's status"));

	private final EkycSecurityProperties properties;

	PermissionsOpenApiCustomizer(EkycSecurityProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents()
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("A service-account access token (JWT) from the identity provider"));
		if (this.properties.tokenUrl() != null) {
			Scopes scopes = new Scopes();
			scopes.putAll(DESCRIPTIONS);
			openApi.getComponents()
				.addSecuritySchemes(OAUTH2,
						new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
							.description("An OIDC service account, authenticated with the client-credentials grant")
							.flows(new OAuthFlows().clientCredentials(
									new OAuthFlow().tokenUrl(this.properties.tokenUrl().toString()).scopes(scopes))));
		}
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach(this::secure);
		}
	}

	private void secure(String path, PathItem item) {
		item.readOperationsMap()
			.forEach((method, operation) -> EndpointPermissions.forEndpoint(HttpMethod.valueOf(method.name()), path)
				.ifPresent((permission) -> secure(operation, permission)));
	}

	private void secure(Operation operation, String permission) {
		if (this.properties.tokenUrl() != null) {
			operation.addSecurityItem(new SecurityRequirement().addList(OAUTH2, permission));
		}
		operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
		String description = (operation.getDescription() != null) ? operation.getDescription() + "\n\n" : "";
		operation.setDescription(description + "🔒 Permission: `" + permission + "` is required.");
		operation.addExtension("x-permission", permission);
		operation.getResponses()
			.addApiResponse("401",
					OpenApiConfiguration
						.problem("No bearer token, or one that is expired, badly signed or not for this service"))
			.addApiResponse("403", OpenApiConfiguration.problem("The token lacks the permission `" + permission + "`"))
			.addApiResponse("429", OpenApiConfiguration
				.problem("This client made more requests than `ekyc.rate-limit.*` allows; "
						+ "`RateLimit-Policy` and `RateLimit` describe the limit")
				.addHeaderObject("Retry-After", new Header().description("Seconds until a request will be let through")
					.schema(new IntegerSchema())));
	}

}
