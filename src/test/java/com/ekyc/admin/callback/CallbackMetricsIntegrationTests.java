package com.ekyc.admin.callback;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.Receiver.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallbackMetricsIntegrationTests extends CallbackIntegrationTest {

	private static final List<String> OUTCOMES = List.of("delivered", "retry", "failed", "gone");

	@Autowired
	private MeterRegistry meters;

	@Test
	void exposesChangeAndDeliveryMetricsOnTheManagementPort() {
		Created session = sessionCallingBack();
		move(session, "IN_PROGRESS");
		await("delivered").atMost(Duration.ofSeconds(10)).until(() -> receiver.received(session.path()).size() == 1);

		ApiResponse metrics = management().get("/actuator/prometheus", null);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains(
				"ekyc_sessions_status_changes_total{application=\"ekyc-admin\",to=\"IN_PROGRESS\"}",
				"ekyc_callbacks_deliveries_total{application=\"ekyc-admin\",outcome=\"delivered\"}",
				"ekyc_callbacks_attempt_seconds_count", "ekyc_callbacks_delivery_delay_seconds_bucket",
				"ekyc_callbacks_pending", "http_server_requests_seconds_bucket", "application=\"ekyc-admin\"");
		// The attempts are observed by RestClient, all receivers under one client name.
		assertThat(metrics.body().lines().filter((line) -> line.startsWith("http_client_requests_seconds_count")))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("client_name=\"callback-receiver\"", "uri=\"none\""));
	}

	@Test
	void countsAndTimesEachAttemptUnderTheSameOutcome() {
		Created session = sessionCallingBack();
		receiver.answer(session.path(), Answer.status(500), Answer.status(200));
		double untimedBefore = retriesCounted() - retriesTimed();
		double retriesBefore = retriesCounted();

		move(session, "IN_PROGRESS");
		await("retried and delivered").atMost(Duration.ofSeconds(10))
			.until(() -> receiver.received(session.path()).size() == 2);
		await("the retry counted").atMost(Duration.ofSeconds(5)).until(() -> retriesCounted() > retriesBefore);

		// Other tests' deliveries may still be retrying, and an attempt is counted a
		// moment before it is timed: the two agree once a look falls between
		// attempts. Read from the registry, both within microseconds (a scrape
		// takes milliseconds, and with others retrying all the time none may
		// fall between two attempts).
		await("each counted retry timed").atMost(Duration.ofSeconds(10))
			.until(() -> retriesCounted() - retriesTimed() == untimedBefore);
		String metrics = management().get("/actuator/prometheus", null).body();
		assertThat(outcomesOf(metrics, "ekyc_callbacks_attempt_seconds_count")).allMatch(OUTCOMES::contains);
		assertThat(outcomesOf(metrics, "ekyc_callbacks_deliveries_total")).allMatch(OUTCOMES::contains);
	}

	private double retriesTimed() {
		Timer timer = this.meters.find("ekyc.callbacks.attempt").tag("outcome", "retry").timer();
		return (timer != null) ? timer.count() : 0;
	}

	private double retriesCounted() {
		Counter counter = this.meters.find("ekyc.callbacks.deliveries").tag("outcome", "retry").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static List<String> outcomesOf(String metrics, String metric) {
		return Pattern.compile(Pattern.quote(metric) + "\\{[^}]*outcome=\"([a-z]+)\"")
			.matcher(metrics)
			.results()
			.map((match) -> match.group(1))
			.toList();
	}

}
