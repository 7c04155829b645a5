package com.ekyc.admin.callback;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.Receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance started with {@code ekyc.callbacks.dispatch-enabled=false} (the shared test
 * context is one) records deliveries and sends none.
 */
class DispatchDisabledIntegrationTests extends IntegrationTest {

	private static final Receiver receiver = Receiver.start();

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void recordsDeliveriesAndSendsNone() {
		String userId = newUserId();
		String sessionId = api()
			.post("/ekyc/admin/" + userId + "/sessions", adminToken(),
					"{\"callback\":\"https://93.184.216.34/ekyc/callback\"}")
			.json()
			.get("id")
			.asString();
		api().post("/ekyc/admin/" + userId + "/sessions/" + sessionId + "/status",
				issuer.token("reviewer", Permissions.UPDATE), "{\"status\":\"IN_PROGRESS\"}");
		// The outbox's row for the change, and one written straight to a receiver that
		// counts what arrives: this instance may not send either.
		String path = "/not-sent/" + UUID.randomUUID();
		jdbc().sql("""
				insert into callback_deliveries (id, session_id, sequence, url, payload, status, attempts,
				    round_attempts, next_attempt_at, created_at)
				values (gen_random_uuid(), cast(:session as uuid), 3, :url, '{}', 'PENDING', 0, 0, now(), now())""")
			.param("session", sessionId)
			.param("url", receiver.url(path))
			.update();

		// Longer than the dispatcher's poll interval (1 s) and its wake-up after commit.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> attemptsOf(sessionId) == 0);

		assertThat(receiver.received(path)).isEmpty();
		assertThat(jdbc()
			.sql("select count(*) from callback_deliveries where session_id = cast(:session as uuid) "
					+ "and status = 'PENDING' and attempts = 0 and lease_token is null")
			.param("session", sessionId)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private int attemptsOf(String sessionId) {
		return jdbc()
			.sql("select coalesce(sum(attempts), 0) from callback_deliveries where session_id = cast(:s as uuid)")
			.param("s", sessionId)
			.query(Integer.class)
			.single();
	}

}
