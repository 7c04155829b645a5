package com.ekyc.admin.callback;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.CallbackIntegrationTest;
import com.ekyc.admin.support.Receiver.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallbackMetricsIntegrationTests extends CallbackIntegrationTest {

	private static final List<String> OUTCOMES = List.of("delivered", "retry", "failed", "gone");

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
		double retriesBefore = count("ekyc_callbacks_deliveries_total", "retry");
		double timedRetriesBefore = count("ekyc_callbacks_attempt_seconds_count", "retry");

		move(session, "IN_PROGRESS");
		await("retried and delivered").atMost(Duration.ofSeconds(10))
			.until(() -> receiver.received(session.path()).size() == 2);
		await("the retry counted").atMost(Duration.ofSeconds(5))
			.until(() -> count("ekyc_callbacks_deliveries_total", "retry") > retriesBefore);

		// Other tests' deliveries may still be retrying, and an attempt is counted a
		// moment before it is timed: the two agree once a scrape falls between attempts.
		await("each counted retry timed").atMost(Duration.ofSeconds(10)).until(() -> {
			String scrape = management().get("/actuator/prometheus", null).body();
			return count(scrape, "ekyc_callbacks_attempt_seconds_count", "retry")
					- timedRetriesBefore == count(scrape, "ekyc_callbacks_deliveries_total", "retry") - retriesBefore;
		});
		String metrics = management().get("/actuator/prometheus", null).body();
		assertThat(outcomesOf(metrics, "ekyc_callbacks_attempt_seconds_count")).allMatch(OUTCOMES::contains);
		assertThat(outcomesOf(metrics, "ekyc_callbacks_deliveries_total")).allMatch(OUTCOMES::contains);
	}

	private double count(String metric, String outcome) {
		return count(management().get("/actuator/prometheus", null).body(), metric, outcome);
	}

	private static double count(String metrics, String metric, String outcome) {
		Matcher value = Pattern.compile(Pattern.quote(metric) + "\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.E]+)")
			.matcher(metrics);
		return value.find() ? Double.parseDouble(value.group(1)) : 0;
	}

	private static List<String> outcomesOf(String metrics, String metric) {
		return Pattern.compile(Pattern.quote(metric) + "\\{[^}]*outcome=\"([a-z]+)\"")
			.matcher(metrics)
			.results()
			.map((match) -> match.group(1))
			.toList();
	}

}
