package com.ekyc.admin.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The per-client request limit of this instance ({@code ekyc.rate-limit.*}).
 *
 * @param requestsPerSecond the requests per second each caller (actor) may make on
 * average; {@code 0} turns the limit off
 * @param burst how many requests a caller may make at once after a quiet spell
 */
@Validated
@ConfigurationProperties("ekyc.rate-limit")
public record RateLimitProperties(@Min(0) @Max(1_000_000) @DefaultValue("100") int requestsPerSecond,
		@Min(1) @Max(10_000_000) @DefaultValue("200") int burst) {

	boolean enabled() {
		return this.requestsPerSecond > 0;
	}

}
