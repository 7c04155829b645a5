package com.ekyc.admin.callback;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.Receiver.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the attempts of a delivery log: the id of the request whose change it sends,
 * though they run later, on a worker thread; and no warning for a delivery an erasure
 * dropped while a worker sent it.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallbackLogIntegrationTests extends CallbackIntegrationTest {

	@Autowired
	private ThreadPoolTaskExecutor callbackWorkers;

	@Autowired
	private CallbackDispatcher dispatcher;

	@Autowired
	private DeliveryAttempts attempts;

	@Autowired
	private CallbackDeliveryRepository deliveries;

	@Test
	void logsADeliveryThatAnErasureDroppedWhileItWasAttemptedWithoutAWarning(CapturedOutput output) {
		Created session = sessionCallingBack();
		UUID deliveryId;
		this.callbackWorkers.stop();
		try {
			assertThat(move(session, "IN_PROGRESS").status()).isEqualTo(200);
			// Leased as a worker leases it; the erasure then deletes it under the worker.
			deliveryId = jdbc()
				.sql("""
						update callback_deliveries set lease_token = gen_random_uuid(), lease_until = now() + interval '1 minute'
						where session_id = ?::uuid returning id""")
				.param(session.sessionId())
				.query(UUID.class)
				.single();
			CallbackDelivery attempted = this.deliveries.findById(deliveryId).orElseThrow();
			jdbc().sql("delete from callback_deliveries where id = ?").param(deliveryId).update();

			this.attempts.record(attempted, AttemptResult.answered(200, null), Duration.ofMillis(5));
		}
		finally {
			this.callbackWorkers.start();
		}

		List<String> lines = output.getOut().lines().filter((line) -> line.contains(deliveryId.toString())).toList();
		assertThat(lines).singleElement()
			.asString()
			.contains("was dropped by an erasure", "\"level\":\"INFO\"")
			.doesNotContain("WARN");
	}

	@Test
	void logsAFailedDeliveryUnderTheRequestIdOfItsChange(CapturedOutput output) {
		Created session = sessionCallingBack();
		receiver.always(session.path(), Answer.status(410));
		String requestId = "change-" + UUID.randomUUID();

		// Sent later and from elsewhere: nothing of the request's own thread reaches the
		// worker, only what the delivery stored.
		this.callbackWorkers.stop();
		try {
			api().post("/ekyc/admin/" + session.userId() + "/sessions/" + session.sessionId() + "/status",
					issuer.token("reviewer", Permissions.UPDATE), "{\"status\":\"IN_PROGRESS\"}", "X-Request-Id",
					requestId);
		}
		finally {
			this.callbackWorkers.start();
		}
		this.dispatcher.wake();

		await("the failure logged").atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().lines().anyMatch((line) -> line.contains(session.sessionId())));
		String logged = output.getOut()
			.lines()
			.filter((line) -> line.contains(session.sessionId()))
			.findFirst()
			.orElseThrow();
		assertThat(logged).contains("failed after 1 attempts", "\"requestId\":\"" + requestId + "\"",
				"callback-worker-");
	}

}
