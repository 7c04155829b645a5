package com.ekyc.admin.security;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of token security ({@code ekyc.security.*}); the token checks themselves use
 * Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param permissionClaims claims read for permissions besides {@code scope} and
 * {@code scp}, each a string array or a space-separated string
 * @param tokenUrl the identity provider's token endpoint, offered by Swagger UI's
 * Authorize dialog for the client-credentials flow; without it Swagger UI takes a pasted
 * bearer token
 */
@Validated
@ConfigurationProperties("ekyc.security")
public record EkycSecurityProperties(@NotNull @DefaultValue("permissions") List<String> permissionClaims,
		@Nullable URI tokenUrl) {

}
