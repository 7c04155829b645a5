package com.ekyc.admin.support;

import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

import com.ekyc.admin.security.Permissions;

/**
 * Base of the tests of callbacks: the service may call back to a {@link Receiver} on
 * 127.0.0.1, retries on a schedule of milliseconds and gives receivers one second to
 * answer. The receiver is shared by the callback test classes of a run and stops with the
 * JVM.
 */
@TestPropertySource(properties = { "ekyc.callbacks.allow-http=true", "ekyc.callbacks.allow-private-networks=true",
		"ekyc.callbacks.retry-schedule=200ms,300ms", "ekyc.callbacks.timeout=1s", "ekyc.callbacks.lease=3s",
		"ekyc.callbacks.poll-interval=100ms", "ekyc.callbacks.workers=8", "ekyc.callbacks.dispatch-enabled=true" })
public abstract class CallbackIntegrationTest extends IntegrationTest {

	protected static final Receiver receiver = Receiver.start();

	/**
	 * A new session of a new user whose callback goes to a path of its own on the
	 * receiver.
	 */
	protected Created sessionCallingBack() {
		String userId = newUserId();
		String path = "/cb/" + UUID.randomUUID();
		var created = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(),
				"{\"callback\":\"" + receiver.url(path) + "\"}");
		if (created.status() != 200) {
			throw new IllegalStateException("Could not create a session: " + created);
		}
		return new Created(userId, created.json().get("id").asString(), path);
	}

	protected ApiResponse move(Created session, String status) {
		return api().post("/ekyc/admin/" + session.userId() + "/sessions/" + session.sessionId() + "/status",
				issuer.token("reviewer", Permissions.UPDATE), "{\"status\":\"" + status + "\"}");
	}

	protected ApiResponse deliveriesOf(Created session) {
		return api().get("/ekyc/admin/" + session.userId() + "/sessions/" + session.sessionId() + "/callbacks",
				adminToken());
	}

	/** A session that calls back to {@code path} on the receiver. */
	public record Created(String userId, String sessionId, String path) {
	}

}
