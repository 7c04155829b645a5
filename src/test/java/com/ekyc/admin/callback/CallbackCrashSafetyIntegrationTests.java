package com.ekyc.admin.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import com.ekyc.admin.database.DatabaseAvailability;
import com.ekyc.admin.session.SessionService;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.Receiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	@Autowired
	private ThreadPoolTaskExecutor callbackWorkers;

	@Autowired
	private TaskScheduler scheduler;

	// Paused workers take nothing: the dispatcher claims nothing while they are.
	@AfterEach
	void resumeWorkers() {
		if (!this.callbackWorkers.isRunning()) {
			this.callbackWorkers.start();
		}
	}

	@Test
	void sendsAgainWhatADeadWorkerHadClaimedOnceItsLeaseRunsOut() {
		Created session = sessionCallingBack();
		this.callbackWorkers.stop();
		move(session, "IN_PROGRESS");
		List<CallbackDelivery> claimedByTheDeadWorker = this.attempts.claim(100);
		assertThat(claimedByTheDeadWorker).extracting(CallbackDelivery::getSessionId)
			.contains(UUID.fromString(session.sessionId()));

		this.callbackWorkers.start();
		this.dispatcher.wake();
		await("not sent while the lease holds").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receiver.received(session.path()).isEmpty());
		jdbc()
			.sql("update callback_deliveries set lease_until = now() - interval '1 second' "
					+ "where session_id = cast(:id as uuid)")
			.param("id", session.sessionId())
			.update();

		await("sent after the lease ran out").atMost(WAIT).until(() -> receiver.received(session.path()).size() == 1);
		await("recorded as delivered").atMost(WAIT).until(() -> "DELIVERED".equals(status(session)));
	}

	@Test
	void sendsNothingForAChangeThatRolledBack() {
		Created session = sessionCallingBack();

		this.transactions.executeWithoutResult((transaction) -> {
			this.sessions.changeStatus(session.userId(), UUID.fromString(session.sessionId()),
					SessionStatus.IN_PROGRESS, null, "reviewer", null);
			transaction.setRollbackOnly();
		});

		await("nothing sent").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receiver.received(session.path()).isEmpty());
		assertThat(deliveriesOf(session).json().get("items").isEmpty()).isTrue();
		assertThat(
				api().get("/ekyc/admin/" + session.userId() + "/status", adminToken()).json().get("status").asString())
			.isEqualTo("CREATED");
	}

	@Test
	void twoDispatchersSendABacklogOnceEachInOrder() {
		this.callbackWorkers.stop();
		List<Created> backlog = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Created session = sessionCallingBack();
			move(session, "IN_PROGRESS");
			move(session, "SUBMITTED");
			move(session, "IN_REVIEW");
			backlog.add(session);
		}
		ThreadPoolTaskExecutor secondWorkers = new ThreadPoolTaskExecutor();
		secondWorkers.setCorePoolSize(this.properties.workers());
		secondWorkers.setMaxPoolSize(this.properties.workers());
		secondWorkers.initialize();
		CallbackDispatcher second = new CallbackDispatcher(this.attempts, this.sender, this.database, secondWorkers,
				this.scheduler, this.properties);
		ScheduledFuture<?> secondPolls = this.scheduler.scheduleWithFixedDelay(second::claimDue,
				this.properties.pollInterval());

		this.callbackWorkers.start();
		this.dispatcher.wake();
		try {
			await("every change of the backlog arrived").atMost(WAIT)
				.until(() -> backlog.stream().allMatch((session) -> receiver.received(session.path()).size() == 3));
		}
		finally {
			secondPolls.cancel(false);
			secondWorkers.shutdown();
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
