package com.ekyc.admin.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.TestKeys;
import com.ekyc.admin.support.Receiver.Answer;
import com.ekyc.admin.support.Receiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Status changes reach a real receiver, signed, retried on the schedule, in order.
 */
class CallbackDeliveryIntegrationTests extends CallbackIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void deliversSignedChangeThatAStandardWebhooksVerifierAccepts() throws Exception {
		Created session = sessionCallingBack();
		Instant before = Instant.now();

		move(session, "IN_PROGRESS");

		await("the change arrived").atMost(WAIT).until(() -> receiver.received(session.path()).size() == 1);
		Received callback = receiver.received(session.path()).get(0);
		assertThatNoException()
			.isThrownBy(() -> new Webhook(TestKeys.SIGNING_SECRET).verify(callback.body(), callback.headers()));
		assertThat(callback.header("content-type")).startsWith("application/json");
		assertThat(callback.header("user-agent")).isEqualTo(CallbackSender.USER_AGENT);
		assertThat(Long.parseLong(callback.header("webhook-timestamp"))).isBetween(before.getEpochSecond() - 1,
				Instant.now().getEpochSecond() + 1);
		JsonNode body = callback.json();
		assertThat(body.get("type").asString()).isEqualTo("ekyc.session.status_changed");
		assertThat(body.get("timestamp").asString()).isEqualTo(body.get("data").get("occurredAt").asString());
		JsonNode data = body.get("data");
		assertThat(data.get("sessionId").asString()).isEqualTo(session.sessionId());
		assertThat(data.get("userId").asString()).isEqualTo(session.userId());
		assertThat(data.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(data.get("previousStatus").asString()).isEqualTo("CREATED");
		assertThat(data.get("sequence").asInt()).isEqualTo(2);
		assertThat(data.get("reason").isNull()).isTrue();
		await("the log shows it delivered").atMost(WAIT)
			.until(() -> deliveriesOf(session).json().get("items").get(0).get("status").asString().equals("DELIVERED"));
		JsonNode logged = deliveriesOf(session).json().get("items").get(0);
		assertThat(logged.get("id").asString()).isEqualTo(callback.header("webhook-id"));
		assertThat(logged.get("attempts").asInt()).isEqualTo(1);
		assertThat(logged.get("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(logged.get("nextAttemptAt").isNull()).isTrue();
		assertThat(logged.get("deliveredAt").isNull()).isFalse();
	}

	@Test
	void sendsNothingForTheCreationItself() {
		Created session = sessionCallingBack();

		await("nothing sent").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receiver.received(session.path()).isEmpty());
		assertThat(deliveriesOf(session).json().get("items").isEmpty()).isTrue();
	}

	@Test
	void deliversOnTheThirdAttemptAfterTwoFailures() {
		Created session = sessionCallingBack();
		receiver.answer(session.path(), Answer.status(500), Answer.status(500), Answer.status(200));

		move(session, "IN_PROGRESS");

		await("delivered").atMost(WAIT).until(() -> delivery(session).get("status").asString().equals("DELIVERED"));
		List<Received> attempts = receiver.received(session.path());
		assertThat(attempts).hasSize(3);
		assertThat(attempts).extracting((attempt) -> attempt.header("webhook-id"))
			.containsOnly(attempts.get(0).header("webhook-id"));
		assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(190));
		assertThat(delivery(session).get("attempts").asInt()).isEqualTo(3);
	}

	@Test
	void signsEveryAttemptAfreshWithItsOwnTimestamp() {
		Created session = sessionCallingBack();
		receiver.answer(session.path(), Answer.status(503).withHeader("Retry-After", "1"), Answer.status(200));

		move(session, "IN_PROGRESS");

		await("the retry arrived").atMost(WAIT).until(() -> receiver.received(session.path()).size() == 2);
		List<Received> attempts = receiver.received(session.path());
		assertThat(attempts.get(1).header("webhook-timestamp"))
			.isNotEqualTo(attempts.get(0).header("webhook-timestamp"));
		assertThat(attempts.get(1).header("webhook-signature"))
			.isNotEqualTo(attempts.get(0).header("webhook-signature"));
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
		for (Received attempt : attempts) {
			assertThatNoException()
				.isThrownBy(() -> new Webhook(TestKeys.SIGNING_SECRET).verify(attempt.body(), attempt.headers()));
		}
	}

	@Test
	void failsAfterTheScheduleAndDeliversWhenSentAgain() {
		Created session = sessionCallingBack();
		receiver.always(session.path(), Answer.status(500));

		move(session, "IN_PROGRESS");

		await("failed").atMost(WAIT).until(() -> delivery(session).get("status").asString().equals("FAILED"));
		assertThat(receiver.received(session.path())).hasSize(3);
		assertThat(delivery(session).get("lastStatusCode").asInt()).isEqualTo(500);
		assertThat(delivery(session).get("lastError").asString()).contains("500");

		receiver.always(session.path(), Answer.status(204));
		ApiResponse retry = api().post(retryPath(session, delivery(session).get("id").asString()), adminToken(), null);

		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.json().get("status").asString()).isEqualTo("PENDING");
		await("delivered again").atMost(WAIT)
			.until(() -> delivery(session).get("status").asString().equals("DELIVERED"));
		assertThat(delivery(session).get("attempts").asInt()).isEqualTo(4);
	}

	@Test
	void stopsAtOnceWhenTheReceiverIsGone() {
		Created session = sessionCallingBack();
		receiver.always(session.path(), Answer.status(410));

		move(session, "IN_PROGRESS");

		await("failed").atMost(WAIT).until(() -> delivery(session).get("status").asString().equals("FAILED"));
		await("no other attempt").during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receiver.received(session.path()).size() == 1);
	}

	@Test
	void doesNotFollowRedirects() {
		Created session = sessionCallingBack();
		String elsewhere = session.path() + "/elsewhere";
		receiver.always(session.path(), Answer.status(302).withHeader("Location", receiver.url(elsewhere)));

		move(session, "IN_PROGRESS");

		await("failed").atMost(WAIT).until(() -> delivery(session).get("status").asString().equals("FAILED"));
		assertThat(receiver.received(elsewhere)).isEmpty();
		assertThat(delivery(session).get("lastStatusCode").asInt()).isEqualTo(302);
	}

	@Test
	void timesOutHangingReceiverWithoutHoldingUpOthers() {
		Created hanging = sessionCallingBack();
		Created healthy = sessionCallingBack();
		receiver.answer(hanging.path(), Answer.hang(Duration.ofSeconds(5)));

		move(hanging, "IN_PROGRESS");
		await("the hanging attempt started").atMost(WAIT).until(() -> receiver.received(hanging.path()).size() == 1);
		Instant changed = Instant.now();
		move(healthy, "IN_PROGRESS");

		await("the healthy session's change arrived").atMost(WAIT)
			.until(() -> receiver.received(healthy.path()).size() == 1);
		assertThat(Duration.between(changed, receiver.received(healthy.path()).get(0).at()))
			.isLessThan(Duration.ofMillis(900));
		await("the hanging attempt was recorded").atMost(WAIT)
			.until(() -> delivery(hanging).get("attempts").asInt() >= 1);
		assertThat(delivery(hanging).get("lastError").asString()).containsIgnoringCase("within");
		assertThat(delivery(hanging).get("lastStatusCode").isNull()).isTrue();
	}

	@Test
	void deliversQuickChangesInSequenceOrderWhileTheReceiverFailsAtFirst() {
		Created session = sessionCallingBack();
		receiver.answer(session.path(), Answer.status(500), Answer.status(503));

		move(session, "IN_PROGRESS");
		move(session, "SUBMITTED");
		move(session, "IN_REVIEW");

		await("all three delivered").atMost(WAIT)
			.until(() -> deliveryStatuses(session).equals(List.of("DELIVERED", "DELIVERED", "DELIVERED")));
		List<Integer> sequences = receiver.received(session.path())
			.stream()
			.map((attempt) -> attempt.json().get("data").get("sequence").asInt())
			.toList();
		assertThat(sequences).containsExactly(2, 2, 2, 3, 4);
		assertThat(receiver.maxConcurrentRequests(session.path())).isEqualTo(1);
	}

	@Test
	void refusesToSendAgainWhatHasNotFailed() {
		Created session = sessionCallingBack();
		move(session, "IN_PROGRESS");
		await("delivered").atMost(WAIT).until(() -> delivery(session).get("status").asString().equals("DELIVERED"));

		ApiResponse retry = api().post(retryPath(session, delivery(session).get("id").asString()), adminToken(), null);
		ApiResponse unknown = api().post(retryPath(session, java.util.UUID.randomUUID().toString()), adminToken(),
				null);

		assertThat(retry.status()).isEqualTo(409);
		assertThat(retry.json().get("deliveryStatus").asString()).isEqualTo("DELIVERED");
		assertThat(unknown.status()).isEqualTo(404);
	}

	private JsonNode delivery(Created session) {
		return deliveriesOf(session).json().get("items").get(0);
	}

	private List<String> deliveryStatuses(Created session) {
		return deliveriesOf(session).json()
			.get("items")
			.valueStream()
			.map((item) -> item.get("status").asString())
			.toList();
	}

	private static String retryPath(Created session, String deliveryId) {
		return "/ekyc/admin/" + session.userId() + "/sessions/" + session.sessionId() + "/callbacks/" + deliveryId
				+ "/retry";
	}

}
