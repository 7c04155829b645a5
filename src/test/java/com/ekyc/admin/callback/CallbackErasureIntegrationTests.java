package com.ekyc.admin.callback;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.Receiver.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cancel an erasure makes is still sent, naming the pseudonym, to the URL the session
 * had; once it is delivered, nothing of it (URL, payload, request id) is kept, as the
 * erasure keeps nothing of the session's other deliveries.
 */
class CallbackErasureIntegrationTests extends CallbackIntegrationTest {

	@Test
	void keepsNothingOfTheErasuresCancelOnceItIsDelivered() {
		String userId = newUserId();
		// A URL and a request id that name the user, as callers may choose them.
		String path = "/cb/" + userId;
		receiver.always(path, Answer.status(204));
		ApiResponse created = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(),
				"{\"callback\":\"" + receiver.url(path) + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		String sessionId = created.json().get("id").asString();

		ApiResponse erased = api().send("DELETE", "/ekyc/admin/" + userId + "?cancelActive=true", adminToken(),
				"{\"reason\":\"request #1\"}", "X-Request-Id", "erase-" + userId);

		assertThat(erased.status()).as(erased.body()).isEqualTo(200);
		String pseudonym = erased.json().get("pseudonym").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received(path).isEmpty());
		assertThat(receiver.received(path).get(0).body()).contains(pseudonym, "CANCELLED").doesNotContain(userId);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> jdbc()
				.sql("select count(*) from callback_deliveries where session_id = ?::uuid and status = 'DELIVERED'")
				.param(sessionId)
				.query(Long.class)
				.single() == 1);
		Map<String, Object> delivery = jdbc()
			.sql("select url, payload, request_id from callback_deliveries where session_id = ?::uuid")
			.param(sessionId)
			.query()
			.singleRow();
		assertThat(delivery).containsEntry("url", null)
			.containsEntry("payload", null)
			.containsEntry("request_id", null);
	}

}
