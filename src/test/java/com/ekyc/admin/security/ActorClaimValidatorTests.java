package com.ekyc.admin.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static com.ekyc.admin.security.TokenClaimsTests.jwt;
import static org.assertj.core.api.Assertions.assertThat;

class ActorClaimValidatorTests {

	private final ActorClaimValidator validator = new ActorClaimValidator();

	@ParameterizedTest
	@ValueSource(strings = { "azp", "client_id", "sub" })
	void acceptsTokenNamingTheCallerInAnyActorClaim(String claim) {
		OAuth2TokenValidatorResult result = this.validator.validate(jwt(Map.of(claim, "backoffice")));

		assertThat(result.hasErrors()).isFalse();
		assertThat(result.getErrors()).isEmpty();
	}

	@Test
	void refusesTokenNamingNoCaller() {
		OAuth2TokenValidatorResult result = this.validator
			.validate(jwt(Map.of("scope", "ekyc.session.get", "aud", "ekyc")));

		assertThat(result.hasErrors()).isTrue();
		assertThat(result.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN);
			assertThat(error.getDescription()).contains("azp", "client_id", "sub");
		});
	}

	@Test
	void refusesTokenWhoseActorClaimsAreAllBlank() {
		Jwt jwt = jwt(Map.of("azp", "", "client_id", " ", "sub", "\t"));

		assertThat(this.validator.validate(jwt).hasErrors()).isTrue();
	}

	@Test
	void refusesTokenWhoseActorClaimsAreNoStrings() {
		Jwt jwt = jwt(Map.of("azp", 42, "client_id", true));

		assertThat(this.validator.validate(jwt).hasErrors()).isTrue();
	}

	@Test
	void acceptsActorOfTheMaximumLength() {
		Jwt jwt = jwt(Map.of("azp", "a".repeat(255)));

		assertThat(this.validator.validate(jwt).hasErrors()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "back\u0000office", "back\uD800office", "back\u202Eoffice" })
	void refusesActorTheDatabaseCouldNotKeepOrThatHidesItsText(String actor) {
		OAuth2TokenValidatorResult result = this.validator.validate(jwt(Map.of("azp", actor)));

		assertThat(result.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN));
	}

	@Test
	void acceptsActorInAnyScript() {
		assertThat(this.validator.validate(jwt(Map.of("azp", "бэк-офис 後台 🙂"))).hasErrors()).isFalse();
	}

	@Test
	void refusesActorLongerThanTheMaximum() {
		OAuth2TokenValidatorResult result = this.validator.validate(jwt(Map.of("azp", "a".repeat(256))));

		assertThat(result.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN);
			assertThat(error.getDescription()).contains("255");
		});
	}

	@Test
	void checksTheLengthOfTheClaimChosenAsActor() {
		Jwt longAzp = jwt(Map.of("azp", "a".repeat(256), "sub", "user-42"));
		Jwt longSubOnly = jwt(Map.of("azp", "backoffice", "sub", "s".repeat(1000)));
		Jwt longClientIdAfterBlankAzp = jwt(Map.of("azp", " ", "client_id", "c".repeat(256), "sub", "user-42"));

		assertThat(this.validator.validate(longAzp).hasErrors()).isTrue();
		assertThat(this.validator.validate(longSubOnly).hasErrors()).isFalse();
		assertThat(this.validator.validate(longClientIdAfterBlankAzp).hasErrors()).isTrue();
	}

	@Test
	void reportsInvalidTokenWithoutUri() {
		OAuth2Error error = this.validator.validate(jwt(Map.of("aud", "ekyc"))).getErrors().iterator().next();

		assertThat(error.getErrorCode()).isEqualTo("invalid_token");
		assertThat(error.getUri()).isNull();
	}

}
