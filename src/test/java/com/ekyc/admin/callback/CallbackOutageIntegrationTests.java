package com.ekyc.admin.callback;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.CuttableProxy;
import com.ekyc.admin.support.ProxiedDatabaseConfiguration;
import com.ekyc.admin.support.Receiver.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A callback the receiver took while the database went away is recorded once the database
 * is back, and not sent a second time when its lease would have run out.
 */
@Import(ProxiedDatabaseConfiguration.class)
@DirtiesContext
// The pool needs up to a connection timeout (2 s) to notice the database is back: a lease
// long enough that the recording, not the lease's end, decides, however busy the machine.
@TestPropertySource(properties = "ekyc.callbacks.lease=8s")
class CallbackOutageIntegrationTests extends CallbackIntegrationTest {

	@Autowired
	private CuttableProxy database;

	@AfterEach
	void restoreDatabase() {
		this.database.restore();
	}

	@Test
	void recordsADeliveryTheReceiverTookWhileTheDatabaseWasAwayAndSendsItOnce() {
		Created session = sessionCallingBack();
		// The receiver holds the callback for a moment: time to take the database away
		// between the sending and the recording.
		receiver.answer(session.path(), Answer.hang(Duration.ofMillis(500)));
		move(session, "IN_PROGRESS");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(session.path()).size() == 1);
		this.database.cut();

		// Away for a while: the worker keeps its result meanwhile, and nothing is sent
		// again.
		Awaitility.await()
			.during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> receiver.received(session.path()).size() == 1);
		this.database.restore();
		// Had the recording been given up, the lease's end (8 s) would send it again
		// before it was recorded as delivered.
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus(session)));
		assertThat(receiver.received(session.path())).hasSize(1);

		assertThat(deliveriesOf(session).json().get("items").get(0).get("attempts").asInt()).isEqualTo(1);
	}

	private String deliveryStatus(Created session) {
		try {
			return deliveriesOf(session).json().get("items").get(0).get("status").asString();
		}
		catch (AssertionError | RuntimeException ex) {
			// The database may still be coming back.
			return "";
		}
	}

}
