package com.ekyc.admin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private final List<String> checked = new ArrayList<>();

	@Test
	void checksAValidTokenOnceAndAnswersTheSameClaimsAfterwards() {
		JwtDecoder tokens = new VerifiedTokens(validUntil(Instant.now().plus(Duration.ofHours(1))), 10);

		Jwt first = tokens.decode("token-a");
		Jwt second = tokens.decode("token-a");

		assertThat(second).isSameAs(first);
		assertThat(this.checked).containsExactly("token-a");
	}

	@Test
	void checksEachDistinctTokenOnItsOwn() {
		JwtDecoder tokens = new VerifiedTokens(validUntil(Instant.now().plus(Duration.ofHours(1))), 10);

		Jwt a = tokens.decode("token-a");
		Jwt b = tokens.decode("token-b");

		assertThat(a.getTokenValue()).isEqualTo("token-a");
		assertThat(b.getTokenValue()).isEqualTo("token-b");
		assertThat(this.checked).containsExactly("token-a", "token-b");
	}

	@Test
	void checksARefusedTokenEveryTime() {
		JwtDecoder tokens = new VerifiedTokens((token) -> {
			this.checked.add(token);
			throw new BadJwtException("bad signature");
		}, 10);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		assertThat(this.checked).containsExactly("forged", "forged");
	}

	@Test
	void forgetsATokenOnceTheExpiryCheckWouldRefuseIt() {
		// Expired longer ago than the clock skew allows: not to be answered from memory.
		Instant refusedFrom = Instant.now().minus(TokenDecoderConfiguration.CLOCK_SKEW).minusSeconds(1);
		JwtDecoder tokens = new VerifiedTokens(validUntil(refusedFrom), 10);

		tokens.decode("token-a");
		tokens.decode("token-a");

		assertThat(this.checked).containsExactly("token-a", "token-a");
	}

	@Test
	void keepsNoMoreTokensThanItsLimit() {
		VerifiedTokens tokens = new VerifiedTokens(validUntil(Instant.now().plus(Duration.ofHours(1))), 2);

		for (int i = 0; i < 100; i++) {
			tokens.decode("token-" + i);
		}

		assertThat(tokens.kept()).isLessThanOrEqualTo(2);
	}

	private JwtDecoder validUntil(Instant expiresAt) {
		return (token) -> {
			this.checked.add(token);
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.claim("azp", "backoffice")
				.issuedAt(expiresAt.minus(Duration.ofHours(2)))
				.expiresAt(expiresAt)
				.build();
		};
	}

}
