package com.ekyc.admin.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.ekyc.admin.database.DatabaseAvailability;

import com.ekyc.admin.session.SessionService;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.Receiver.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries survive dead workers, never exist for rolled-back changes, and two
 * dispatchers on one database share a backlog without sending anything twice at once or
 * out of order.
 */
class CallbackCrashSafetyIntegrationTests extends CallbackIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private CallbackDispatcher dispatcher;

	@Autowired
	private DeliveryAttempts attempts;

	@Autowired
	private CallbackSender sender;

	@Autowired
	private CallbackProperties properties;

	@Autowired
	private DatabaseAvailability database;

	@Autowired
	private SessionService sessions;

	@Autowired
	private TransactionTemplate transactions;

	@AfterEach
	void restartDispatcher() {
		if (!this.dispatcher.isRunning()) {
			this.dispatcher.start();
		}
	}

	@Test
	void sendsAgainWhatADeadWorkerHadClaimedOnceItsLeaseRunsOut() throws Exception {
		Created session = sessionCallingBack();
		this.dispatcher.stop();
		move(session, "IN_PROGRESS");
		List<CallbackDelivery> claimedByTheDeadWorker = this.attempts.claim(100);
		assertThat(claimedByTheDeadWorker).extracting(CallbackDelivery::getSessionId)
			.contains(UUID.fromString(session.sessionId()));

		this.dispatcher.start();
		Thread.sleep(500);
		assertThat(receiver.received(session.path())).as("not sent while the lease holds").isEmpty();
		jdbc()
			.sql("update callback_deliveries set lease_until = now() - interval '1 second' "
					+ "where session_id = cast(:id as uuid)")
			.param("id", session.sessionId())
			.update();

		await(WAIT, () -> receiver.received(session.path()).size() == 1, "sent after the lease ran out");
		await(WAIT, () -> "DELIVERED".equals(status(session)), "recorded as delivered");
	}

	@Test
	void sendsNothingForAChangeThatRolledBack() throws Exception {
		Created session = sessionCallingBack();

		this.transactions.executeWithoutResult((transaction) -> {
			this.sessions.changeStatus(session.userId(), UUID.fromString(session.sessionId()),
					SessionStatus.IN_PROGRESS, null, "reviewer", null);
			transaction.setRollbackOnly();
		});

		Thread.sleep(500);
		assertThat(receiver.received(session.path())).isEmpty();
		assertThat(deliveriesOf(session).json().get("items").isEmpty()).isTrue();
		assertThat(
				api().get("/ekyc/admin/" + session.userId() + "/status", adminToken()).json().get("status").asString())
			.isEqualTo("CREATED");
	}

	@Test
	void twoDispatchersSendABacklogOnceEachInOrder() {
		this.dispatcher.stop();
		List<Created> backlog = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Created session = sessionCallingBack();
			move(session, "IN_PROGRESS");
			move(session, "SUBMITTED");
			move(session, "IN_REVIEW");
			backlog.add(session);
		}
		CallbackDispatcher second = new CallbackDispatcher(this.attempts, this.sender, this.properties, this.database);

		this.dispatcher.start();
		second.start();
		try {
			await(WAIT, () -> backlog.stream().allMatch((session) -> receiver.received(session.path()).size() == 3),
					"every change of the backlog arrived");
		}
		finally {
			second.stop();
		}

		for (Created session : backlog) {
			List<Received> arrived = receiver.received(session.path());
			assertThat(arrived).extracting((request) -> request.json().get("data").get("sequence").asInt())
				.containsExactly(2, 3, 4);
			Map<String, Integer> perDelivery = new HashMap<>();
			arrived.forEach((request) -> perDelivery.merge(request.header("webhook-id"), 1, Integer::sum));
			assertThat(perDelivery.values()).containsOnly(1);
			assertThat(receiver.maxConcurrentRequests(session.path())).isEqualTo(1);
		}
	}

	private String status(Created session) {
		return deliveriesOf(session).json().get("items").get(0).get("status").asString();
	}

}
