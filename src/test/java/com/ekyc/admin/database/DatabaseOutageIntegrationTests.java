package com.ekyc.admin.database;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.CuttableProxy;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.ProxiedDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the database is unreachable, requests that need it are answered {@code 503} with
 * {@code Retry-After} within 3 seconds, and the log says so once, without a stack trace;
 * once the database is back, requests succeed again and the log says that once too.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(ProxiedDatabaseConfiguration.class)
@TestPropertySource(
		properties = { "spring.datasource.hikari.maximum-pool-size=10", "spring.datasource.hikari.minimum-idle=2" })
@DirtiesContext
class DatabaseOutageIntegrationTests extends IntegrationTest {

	private static final Duration LONGEST_ANSWER = Duration.ofSeconds(3);

	@Autowired
	private CuttableProxy database;

	@Autowired
	private DataSource dataSource;

	@AfterEach
	void restoreDatabase() throws Exception {
		this.database.restore();
		// Connections the cut broke would fail the next test's first requests (503).
		this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
	}

	// First: the log is asked for the outage's one warning, which the service does not
	// repeat within a minute.
	@Test
	@Order(1)
	void answersServiceUnavailableWhileTheDatabaseIsAwayAndRecovers(CapturedOutput output) throws Exception {
		String userId = newUserId();
		String sessionId = createSession(userId);
		String token = issuer.token("outage-client", Permissions.CREATE, Permissions.UPDATE, Permissions.GET);

		this.database.cut();
		// No connection is left in the pool: each request needs a new one, which the
		// database refuses.
		this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		AtomicInteger calls = new AtomicInteger();
		List<Timed> duringOutage = Concurrently.run(8,
				() -> timed(() -> (calls.incrementAndGet() % 2 == 0)
						? api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}")
						: api().post(statusPath(userId, sessionId), token, "{\"status\":\"IN_PROGRESS\"}")));
		// And once more, now that the service knows.
		duringOutage.add(timed(() -> api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}")));

		assertThat(duringOutage).allSatisfy((call) -> {
			assertThat(call.answer().status()).as(call.answer().toString()).isEqualTo(503);
			assertThat(call.answer().contentType()).isEqualTo("application/problem+json");
			assertThat(call.answer().json().get("status").asInt()).isEqualTo(503);
			assertThat(call.answer().header("Retry-After")).matches("[1-9][0-9]*");
			assertThat(call.took()).isLessThan(LONGEST_ANSWER);
		});
		assertThat(occurrences(output.getAll(), "The database is unavailable")).isEqualTo(1);
		assertThat(output.getAll()).doesNotContain("The database is available again");

		this.database.restore();

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api().get("/ekyc/admin/" + userId + "/sessions/" + sessionId, token).status() == 200);
		ApiResponse change = api().post(statusPath(userId, sessionId), token, "{\"status\":\"IN_PROGRESS\"}");
		ApiResponse create = api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}");
		assertThat(change.status()).as(change.toString()).isEqualTo(200);
		assertThat(change.json().get("version").asLong()).isEqualTo(2);
		assertThat(create.status()).as(create.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> occurrences(output.getAll(), "The database is available again") == 1);
		assertThat(occurrences(output.getAll(), "The database is unavailable")).isEqualTo(1);
		assertThat(output.getAll()).doesNotContain("\tat ", "\\tat ", "stack_trace", "\"level\":\"ERROR\"");
	}

	@Test
	@Order(2)
	void answersServiceUnavailableWhenTheConnectionInUseIsCut() {
		String userId = newUserId();
		String sessionId = createSession(userId);
		String token = issuer.token("outage-client", Permissions.CREATE, Permissions.UPDATE, Permissions.GET);

		// The connection the last request returned to the pool is reused without a check.
		api().get("/ekyc/admin/" + userId + "/sessions/" + sessionId, token);
		this.database.cut();
		Timed create = timed(() -> api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}"));
		this.database.restore();
		api().get("/ekyc/admin/" + userId + "/sessions/" + sessionId, token);
		this.database.cut();
		Timed change = timed(() -> api().post(statusPath(userId, sessionId), token, "{\"status\":\"IN_PROGRESS\"}"));

		assertThat(List.of(create, change)).allSatisfy((call) -> {
			assertThat(call.answer().status()).as(call.answer().toString()).isEqualTo(503);
			assertThat(call.answer().header("Retry-After")).matches("[1-9][0-9]*");
			assertThat(call.took()).isLessThan(LONGEST_ANSWER);
		});
	}

	@Test
	@Order(3)
	void logsNoLinePerRequestWhileTheDatabaseIsAway(CapturedOutput output) throws Exception {
		String token = issuer.token("outage-client", Permissions.CREATE);
		createSession(newUserId());

		this.database.cut();
		this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		List<Timed> duringOutage = Concurrently.run(4,
				() -> timed(() -> api().post("/ekyc/admin/" + newUserId() + "/sessions", token, "{}")));

		assertThat(duringOutage).allSatisfy((call) -> assertThat(call.answer().status()).isEqualTo(503));
		// At most the outage's own warning, which is not repeated within a minute.
		assertThat(occurrences(output.getAll(), "\"level\":\"WARN\"")).isLessThanOrEqualTo(1);
	}

	private static String statusPath(String userId, String sessionId) {
		return "/ekyc/admin/" + userId + "/sessions/" + sessionId + "/status";
	}

	private static int occurrences(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static Timed timed(java.util.function.Supplier<ApiResponse> call) {
		long started = System.nanoTime();
		ApiResponse answer = call.get();
		return new Timed(answer, Duration.ofNanos(System.nanoTime() - started));
	}

	private record Timed(ApiResponse answer, Duration took) {
	}

}
