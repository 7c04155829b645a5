package com.ekyc.admin.callback;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.CallbackIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackMetricsIntegrationTests extends CallbackIntegrationTest {

	@Test
	void exposesChangeAndDeliveryMetricsOnTheManagementPort() {
		Created session = sessionCallingBack();
		move(session, "IN_PROGRESS");
		await(Duration.ofSeconds(10), () -> receiver.received(session.path()).size() == 1, "delivered");

		ApiResponse metrics = management().get("/actuator/prometheus", null);

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains(
				"ekyc_sessions_status_changes_total{application=\"ekyc-admin\",to=\"IN_PROGRESS\"}",
				"ekyc_callbacks_deliveries_total{application=\"ekyc-admin\",outcome=\"delivered\"}",
				"ekyc_callbacks_attempt_seconds_count", "ekyc_callbacks_delivery_delay_seconds_bucket",
				"ekyc_callbacks_pending", "http_server_requests_seconds_bucket", "application=\"ekyc-admin\"");
	}

}
