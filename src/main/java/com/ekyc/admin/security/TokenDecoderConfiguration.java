package com.ekyc.admin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * How bearer tokens are checked, from Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties: a signature by one of
 * the issuer's keys (see {@link IssuerKeys}), {@code exp} present and not passed,
 * {@code nbf} and {@code iat} not in the future (60 s of clock skew), {@code iss} equal
 * to the issuer, {@code aud} holding a configured audience, and a caller named. A token
 * that passed is not checked again while {@link VerifiedTokens} remembers it.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfiguration {

	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	// Distinct valid tokens remembered at once (a few KiB each): far more than the
	// service accounts that call at the same time.
	private static final int VERIFIED_TOKENS_KEPT = 4096;

	@Bean
	JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer) {
		OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
		String issuer = required(jwt.getIssuerUri(), "spring.security.oauth2.resourceserver.jwt.issuer-uri",
				"every token's iss must equal it; keys come from ...jwt.jwk-set-uri or, without it, "
						+ "from the issuer's metadata");
		List<String> audiences = jwt.getAudiences();
		if (audiences.isEmpty()) {
			throw new IllegalStateException("No token audience is configured: set "
					+ "spring.security.oauth2.resourceserver.jwt.audiences (tokens must be meant for this service)");
		}
		return new VerifiedTokens(decoder(issuer, StringUtils.hasText(jwt.getJwkSetUri()) ? jwt.getJwkSetUri() : null,
				jwt.getJwsAlgorithms(), audiences), VERIFIED_TOKENS_KEPT);
	}

	/**
	 * The decoder for one issuer; its keys are fetched at the first token.
	 */
	static JwtDecoder decoder(String issuer, @Nullable String jwkSetUri, List<String> algorithms,
			List<String> audiences) {
		IssuerKeys keys = new IssuerKeys(issuer, jwkSetUri);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.source()).jwsAlgorithms((allowed) -> {
			allowed.clear();
			algorithms.forEach((name) -> allowed.add(SignatureAlgorithm.from(name)));
		}).build();
		decoder.setJwtValidator(validator(issuer, audiences));
		return new IssuerKeysJwtDecoder(decoder, keys);
	}

	private static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setAllowEmptyExpiryClaim(false);
		return new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
						(issuedAt) -> issuedAt == null || !issuedAt.isAfter(Instant.now().plus(CLOCK_SKEW))),
				new JwtIssuerValidator(issuer),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && !Collections.disjoint(audience, audiences)),
				new ActorClaimValidator());
	}

	private static String required(@Nullable String value, String property, String why) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalStateException("No token issuer is configured: set " + property + " (" + why
					+ "; the service never runs without token checks)");
		}
		return Objects.requireNonNull(value);
	}

}
