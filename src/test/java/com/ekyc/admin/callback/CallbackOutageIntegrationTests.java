package com.ekyc.admin.callback;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

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

		// Away for most of the lease (3 s): the worker keeps its result meanwhile, and
		// nothing is sent again.
		Awaitility.await()
			.during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> receiver.received(session.path()).size() == 1);
		this.database.restore();
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(deliveryStatus(session)));
		Awaitility.await()
			.during(Duration.ofSeconds(4))
			.atMost(Duration.ofSeconds(6))
			.until(() -> receiver.received(session.path()).size() == 1);

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
