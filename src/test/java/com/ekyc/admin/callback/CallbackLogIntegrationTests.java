package com.ekyc.admin.callback;

import java.time.Duration;
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
 * What the attempts of a delivery log carries the id of the request whose change it
 * sends, though they run later, on a worker thread.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallbackLogIntegrationTests extends CallbackIntegrationTest {

	@Autowired
	private ThreadPoolTaskExecutor callbackWorkers;

	@Autowired
	private CallbackDispatcher dispatcher;

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
