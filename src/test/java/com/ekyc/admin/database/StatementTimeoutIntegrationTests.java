package com.ekyc.admin.database;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.LimitedIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No statement runs longer than {@code ekyc.database.statement-timeout} (500 ms here): a
 * request that would wait longer is cancelled and answered {@code 503}, and the same
 * request succeeds once the database can serve it again.
 */
class StatementTimeoutIntegrationTests extends LimitedIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void answersServiceUnavailableWhenAStatementRunsPastItsTimeLimit() throws Exception {
		String userId = newUserId();
		String sessionId = createSession(userId);
		HttpRequest change = HttpRequest
			.newBuilder(URI.create(api().baseUrl() + "/ekyc/admin/" + userId + "/sessions/" + sessionId + "/status"))
			.header("Authorization", "Bearer " + issuer.token("timeout-" + UUID.randomUUID(), Permissions.UPDATE))
			.header("Content-Type", "application/json")
			// Past this the service did not stop the statement itself.
			.timeout(Duration.ofSeconds(5))
			.POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\"}"))
			.build();

		ApiResponse whileLocked;
		long elapsed;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			lock(holder, sessionId);
			long started = System.nanoTime();
			whileLocked = api().send(change);
			elapsed = System.nanoTime() - started;
			holder.rollback();
		}
		ApiResponse afterwards = api().send(change);

		assertThat(whileLocked.status()).as(whileLocked.toString()).isEqualTo(503);
		assertThat(whileLocked.contentType()).isEqualTo("application/problem+json");
		assertThat(whileLocked.json().get("status").asInt()).isEqualTo(503);
		assertThat(whileLocked.header("Retry-After")).matches("[1-9][0-9]*");
		assertThat(Duration.ofNanos(elapsed)).isLessThan(Duration.ofSeconds(2));
		assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
		assertThat(afterwards.json().get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(afterwards.json().get("version").asLong()).isEqualTo(2);
	}

	private static void lock(Connection connection, String sessionId) throws Exception {
		try (PreparedStatement select = connection
			.prepareStatement("select id from sessions where id = ? for update")) {
			select.setObject(1, UUID.fromString(sessionId));
			try (ResultSet locked = select.executeQuery()) {
				assertThat(locked.next()).isTrue();
			}
		}
	}

}
