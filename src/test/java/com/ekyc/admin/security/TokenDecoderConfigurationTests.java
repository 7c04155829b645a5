package com.ekyc.admin.security;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.ekyc.admin.support.LocalIssuer;
import com.ekyc.admin.support.LocalIssuer.JwksMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The token decoder as configured from Spring Boot's properties, against an issuer of its
 * own whose key endpoint each test may take down: the issuer is always required and
 * checked, its keys are fetched at most once per 30 seconds, and an issuer that never
 * gave a key makes tokens unjudgeable rather than invalid.
 */
class TokenDecoderConfigurationTests {

	private static final List<String> RS256 = List.of("RS256");

	private static final List<String> AUDIENCES = List.of(LocalIssuer.AUDIENCE);

	private final LocalIssuer issuer = LocalIssuer.start(0);

	@AfterEach
	void stopIssuer() {
		this.issuer.close();
	}

	@Test
	void refusesToStartWithoutAnIssuerEvenWithAKeySetUri() {
		OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
		properties.getJwt().setJwkSetUri(this.issuer.jwksUri());
		properties.getJwt().setAudiences(AUDIENCES);

		assertThatIllegalStateException().isThrownBy(() -> new TokenDecoderConfiguration().jwtDecoder(properties))
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
	}

	@Test
	void refusesToStartWithoutAnAudience() {
		OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
		properties.getJwt().setIssuerUri(this.issuer.issuerUri());
		properties.getJwt().setJwkSetUri(this.issuer.jwksUri());

		assertThatIllegalStateException().isThrownBy(() -> new TokenDecoderConfiguration().jwtDecoder(properties))
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
	}

	@Test
	void checksTheIssuerWhenKeysComeFromAKeySetUri() {
		OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
		properties.getJwt().setIssuerUri(this.issuer.issuerUri());
		properties.getJwt().setJwkSetUri(this.issuer.jwksUri());
		properties.getJwt().setAudiences(AUDIENCES);
		JwtDecoder decoder = new TokenDecoderConfiguration().jwtDecoder(properties);

		assertThat(decoder.decode(this.issuer.token("caller")).getSubject()).isEqualTo("caller");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder
			.decode(this.issuer.sign(this.issuer.claims("caller").issuer("https://evil.example").build())));
	}

	@Test
	void refusesTokensWithoutExpiry() {
		JwtDecoder decoder = decoder();

		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(
					() -> decoder.decode(this.issuer.sign(this.issuer.claims("caller").expirationTime(null).build())))
			.withMessageContaining("exp");
	}

	@Test
	void findsTheKeysThroughTheIssuersMetadataWithoutAKeySetUri() {
		JwtDecoder decoder = TokenDecoderConfiguration.decoder(this.issuer.issuerUri(), null, RS256, AUDIENCES);

		Jwt jwt = decoder.decode(this.issuer.token("caller"));

		assertThat(jwt.getSubject()).isEqualTo("caller");
		assertThat(this.issuer.jwksFetches()).isEqualTo(1);
	}

	@Test
	void answersIssuerUnavailableWhileNoKeyWasEverLoaded() {
		this.issuer.jwksMode(JwksMode.DOWN);
		JwtDecoder decoder = decoder();

		assertThatExceptionOfType(IssuerUnavailableException.class)
			.isThrownBy(() -> decoder.decode(this.issuer.token("caller")));
		assertThatExceptionOfType(IssuerUnavailableException.class)
			.isThrownBy(() -> decoder.decode(this.issuer.token("caller")));
	}

	@Test
	void answersIssuerUnavailableWhenTheFirstKeyFetchHangs() {
		this.issuer.jwksMode(JwksMode.HANGING);
		JwtDecoder decoder = decoder();
		long started = System.nanoTime();

		assertThatExceptionOfType(IssuerUnavailableException.class)
			.isThrownBy(() -> decoder.decode(this.issuer.token("caller")));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void refusesUnknownKeyAsBadTokenOnceKeysWereLoadedWhileTheIssuerIsDown() {
		JwtDecoder decoder = decoder();
		decoder.decode(this.issuer.token("caller"));
		this.issuer.jwksMode(JwksMode.DOWN);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(unknownKeyToken()))
			.isNotInstanceOf(IssuerUnavailableException.class);
		assertThat(decoder.decode(this.issuer.token("caller")).getSubject()).isEqualTo("caller");
	}

	@Test
	void refusesUnknownKeyAsBadTokenOnceKeysWereLoadedWhileTheIssuerHangs() {
		JwtDecoder decoder = decoder();
		decoder.decode(this.issuer.token("caller"));
		this.issuer.jwksMode(JwksMode.HANGING);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(unknownKeyToken()))
			.isNotInstanceOf(IssuerUnavailableException.class);
		assertThat(decoder.decode(this.issuer.token("caller")).getSubject()).isEqualTo("caller");
	}

	@Test
	void fetchesTheKeysAtMostOnceMoreForAFloodOfUnknownKeys() {
		JwtDecoder decoder = decoder();
		decoder.decode(this.issuer.token("caller"));
		RSAKey key = LocalIssuer.newKey();

		for (int i = 0; i < 100; i++) {
			String token = LocalIssuer.sign(this.issuer.claims("caller").build(),
					new RSAKey.Builder(key).keyID("kid-" + i).build());
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
				.isNotInstanceOf(IssuerUnavailableException.class);
		}

		assertThat(this.issuer.jwksFetches()).isLessThanOrEqualTo(2);
	}

	private JwtDecoder decoder() {
		return TokenDecoderConfiguration.decoder(this.issuer.issuerUri(), this.issuer.jwksUri(), RS256, AUDIENCES);
	}

	private String unknownKeyToken() {
		return LocalIssuer.sign(this.issuer.claims("caller").build(), LocalIssuer.newKey());
	}

}
