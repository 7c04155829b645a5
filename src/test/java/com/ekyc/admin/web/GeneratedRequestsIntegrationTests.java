package com.ekyc.admin.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.GeneratedRequests;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.LocalIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests generated from the OpenAPI document for every operation, valid and invalid
 * (parameters, bodies, headers, tokens, content types): never a server error, every
 * client error a problem, and every answer as the document says (checked by the API
 * client). The seed is printed; {@code -Dekyc.generated.seed=<seed>} replays a run and
 * {@code -Dekyc.generated.requests=<n>} sets its length.
 */
class GeneratedRequestsIntegrationTests extends IntegrationTest {

	private static final long SEED = Long.getLong("ekyc.generated.seed", 20261129L);

	private static final int REQUESTS = Integer.getInteger("ekyc.generated.requests", 5000);

	private static final int CALLERS = 4;

	@Test
	void answersEveryGeneratedRequestWithoutServerErrorAndAsDocumented() {
		System.out.printf("Generated requests: seed %d, %d requests (-Dekyc.generated.seed=%d replays them)%n", SEED,
				REQUESTS, SEED);
		GeneratedRequests generator = new GeneratedRequests(api().baseUrl(), api().get("/v3/api-docs", null).json(),
				fixture(), tokens());
		List<GeneratedRequests.Operation> operations = generator.operations();
		assertThat(operations).hasSize(13);
		// Generated in one sequence from the seed, so a run can be replayed;
		// sent by a few callers at once, as clients do.
		Random random = new Random(SEED);
		List<GeneratedRequests.Generated> requests = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			requests.add(generator.next(operations.get(i % operations.size()), random));
		}
		Map<String, Integer> statuses = new ConcurrentSkipListMap<>();
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				int index = i;
				sent.add(callers.submit(() -> {
					ApiResponse response = sendAndCheck(index, requests.get(index));
					statuses.merge(requests.get(index).request().method() + " " + response.status(), 1, Integer::sum);
				}));
			}
			for (Future<?> answer : sent) {
				waitFor(answer);
			}
		}
		finally {
			callers.shutdownNow();
		}
		System.out.println("Generated requests: answers by method and status " + statuses);
	}

	// The first failure, as the test's own.
	private static void waitFor(Future<?> answer) {
		try {
			answer.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof AssertionError failure) {
				throw failure;
			}
			throw new AssertionError(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private ApiResponse sendAndCheck(int index, GeneratedRequests.Generated generated) {
		ApiResponse response;
		try {
			response = api().send(generated.request());
		}
		catch (AssertionError | RuntimeException ex) {
			throw new AssertionError(failure(index, generated, ex.getMessage()), ex);
		}
		assertThat(response.status()).as(() -> failure(index, generated, response.toString())).isLessThan(500);
		if (response.status() >= 400 && !generated.request().method().equals("HEAD")) {
			assertThat(response.contentType()).as(() -> failure(index, generated, response.toString()))
				.isEqualTo("application/problem+json");
		}
		return response;
	}

	private GeneratedRequests.Fixture fixture() {
		String userId = newUserId();
		String sessionId = createSession(userId);
		jdbc().sql("""
				insert into callback_deliveries (id, session_id, sequence, url, payload, status, attempts,
				    round_attempts, next_attempt_at, created_at)
				values (gen_random_uuid(), cast(:session as uuid), 2, 'https://93.184.216.34/cb', '{}', 'FAILED', 3, 3,
				    now(), now())""").param("session", sessionId).update();
		String deliveryId = api().get("/ekyc/admin/" + userId + "/sessions/" + sessionId + "/callbacks", adminToken())
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		return new GeneratedRequests.Fixture(userId, sessionId, deliveryId);
	}

	private static Map<String, Integer> tokens() {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		JWTClaimsSet expired = issuer.claims("generated", Permissions.GET)
			.issueTime(Date.from(past))
			.notBeforeTime(Date.from(past))
			.expirationTime(Date.from(past.plusSeconds(60)))
			.build();
		Map<String, Integer> tokens = new LinkedHashMap<>();
		tokens.put(issuer.token("generated", Permissions.LIST, Permissions.GET, Permissions.CREATE, Permissions.UPDATE),
				12);
		tokens.put(issuer.token("generated-viewer", Permissions.LIST, Permissions.GET), 2);
		tokens.put("", 2);
		tokens.put(issuer.sign(expired), 1);
		tokens.put(LocalIssuer.sign(issuer.claims("generated").build(), LocalIssuer.newKey()), 1);
		tokens.put("not.a.token", 1);
		return tokens;
	}

	private static String failure(int index, GeneratedRequests.Generated generated, String answer) {
		return "Generated request " + index + " (seed " + SEED + "): " + generated.description() + "\n answered: "
				+ answer;
	}

}
