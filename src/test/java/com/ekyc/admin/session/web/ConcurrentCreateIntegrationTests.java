package com.ekyc.admin.session.web;

import java.util.List;

import org.junit.jupiter.api.RepeatedTest;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One active session per user holds when many requests race for it.
 */
class ConcurrentCreateIntegrationTests extends IntegrationTest {

	@RepeatedTest(3)
	void exactlyOneOfManyParallelCreatesWins() throws Exception {
		String userId = newUserId();

		List<ApiResponse> answers = Concurrently.run(16,
				() -> api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}"));

		List<ApiResponse> won = answers.stream().filter((answer) -> answer.status() == 200).toList();
		assertThat(won).hasSize(1);
		String winner = won.get(0).json().get("id").asString();
		assertThat(answers).filteredOn((answer) -> answer.status() != 200).hasSize(15).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(409);
			assertThat(answer.json().get("activeSessionId").asString()).isEqualTo(winner);
		});
		assertThat(jdbc().sql("select count(*) from sessions where user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
