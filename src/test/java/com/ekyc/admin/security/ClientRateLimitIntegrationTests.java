package com.ekyc.admin.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.Api;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.LimitedIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client (actor) may make 5 requests per second here, with bursts of 10: a client
 * past that gets {@code 429} with {@code Retry-After} and the RateLimit fields, while
 * other clients are served as if nothing happened.
 */
class ClientRateLimitIntegrationTests extends LimitedIntegrationTest {

	private static final String PATH = "/ekyc/admin?limit=1";

	@Test
	void answersABurstPastTheLimitWithTooManyRequestsAndServesOtherClients() throws Exception {
		Api api = api();
		String greedy = issuer.token("greedy-" + UUID.randomUUID(), Permissions.LIST);
		String polite = issuer.token("polite-" + UUID.randomUUID(), Permissions.LIST);

		List<ApiResponse> burst = Concurrently.run(30, () -> api.get(PATH, greedy));
		ApiResponse other = api.get(PATH, polite);

		List<ApiResponse> served = burst.stream().filter((answer) -> answer.status() == 200).toList();
		List<ApiResponse> refused = burst.stream().filter((answer) -> answer.status() != 200).toList();
		assertThat(served).hasSizeBetween(10, 20);
		assertThat(refused).hasSizeGreaterThanOrEqualTo(10).allSatisfy(this::assertTooManyRequests);
		assertThat(served).allSatisfy(this::assertRateLimitFields);
		assertThat(other.status()).as(other.toString()).isEqualTo(200);
		assertRateLimitFields(other);
		assertThat(other.header("RateLimit")).contains("r=9");
	}

	@Test
	void servesAClientWithinItsLimitTellingItWhatIsLeft() {
		String token = issuer.token("steady-" + UUID.randomUUID(), Permissions.LIST);

		ApiResponse first = api().get(PATH, token);
		ApiResponse second = api().get(PATH, token);

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Policy")).contains("q=10");
		assertThat(first.header("RateLimit")).contains("r=9");
		assertThat(second.header("RateLimit")).containsPattern("r=[89]");
	}

	private void assertTooManyRequests(ApiResponse answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.json().get("status").asInt()).isEqualTo(429);
		assertThat(answer.json().get("detail").asString()).isNotBlank();
		assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
		assertRateLimitFields(answer);
		assertThat(answer.header("RateLimit")).contains("r=0");
	}

	private void assertRateLimitFields(ApiResponse answer) {
		assertThat(answer.header("RateLimit-Policy")).as(answer.toString()).contains("q=10").containsPattern("w=\\d+");
		assertThat(answer.header("RateLimit")).as(answer.toString())
			.containsPattern("r=\\d+")
			.containsPattern("t=\\d+");
	}

}
