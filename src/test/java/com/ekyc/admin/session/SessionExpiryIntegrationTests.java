package com.ekyc.admin.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.Concurrently;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions past their expiry that wait on their user become EXPIRED exactly once, with
 * history and callback, however many sweepers run.
 */
class SessionExpiryIntegrationTests extends CallbackIntegrationTest {

	@Autowired
	private SessionService sessions;

	@Test
	void twoSweepersExpireEachSessionExactlyOnce() throws Exception {
		List<String> expiring = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String sessionId = createSession(newUserId());
			pastExpiry(sessionId);
			expiring.add(sessionId);
		}

		Concurrently.run(2, () -> {
			int total = 0;
			int expired;
			do {
				expired = this.sessions.expireDue(7);
				total += expired;
			}
			while (expired > 0);
			return total;
		});

		for (String sessionId : expiring) {
			assertThat(jdbc()
				.sql("select count(*) from session_events where session_id = cast(:id as uuid) "
						+ "and to_status = 'EXPIRED'")
				.param("id", sessionId)
				.query(Long.class)
				.single()).isOne();
		}
	}

	@Test
	void expiresOnlySessionsWaitingOnTheUserWithReasonAndCallback() {
		Created waiting = sessionCallingBack();
		Created submitted = sessionCallingBack();
		move(submitted, "SUBMITTED");
		pastExpiry(waiting.sessionId());
		pastExpiry(submitted.sessionId());

		while (this.sessions.expireDue(100) > 0) {
			// Expire everything due, whatever other tests left.
		}

		ApiResponse expired = api().get("/ekyc/admin/" + waiting.userId() + "/status", adminToken());
		assertThat(expired.json().get("status").asString()).isEqualTo("EXPIRED");
		assertThat(expired.json().get("reason").asString()).isEqualTo("ttl_elapsed");
		assertThat(api().get("/ekyc/admin/" + submitted.userId() + "/status", adminToken())
			.json()
			.get("status")
			.asString()).isEqualTo("SUBMITTED");
		await("the expiry was sent").atMost(Duration.ofSeconds(10))
			.until(() -> receiver.received(waiting.path()).size() == 1);
		assertThat(receiver.received(waiting.path()).get(0).json().get("data").get("status").asString())
			.isEqualTo("EXPIRED");
		assertThat(move(waiting, "IN_PROGRESS").status()).isEqualTo(409);
		assertThat(createSession(waiting.userId())).isNotBlank();
	}

	private void pastExpiry(String sessionId) {
		jdbc().sql("update sessions set expires_at = now() - interval '1 minute' where id = cast(:id as uuid)")
			.param("id", sessionId)
			.update();
	}

}
