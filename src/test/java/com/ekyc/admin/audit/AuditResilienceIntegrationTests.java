package com.ekyc.admin.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import com.ekyc.admin.EkycApplication;
import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.Api;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.IntegrationTest;
import com.ekyc.admin.support.LocalIssuer;
import com.ekyc.admin.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing recorded twice, nothing dropped: records of reads that cannot be written wait
 * and are written once the database takes them again, readiness says so meanwhile, and a
 * full buffer refuses requests rather than leave them unrecorded; a shutdown writes what
 * waits; two instances write and seal one valid chain. Writes are made to fail with a
 * check constraint that refuses one actor's records.
 */
@TestPropertySource(properties = "ekyc.audit.pending-limit=100")
class AuditResilienceIntegrationTests extends IntegrationTest {

	private static final String BLOCK = "alter table audit_records add constraint audit_test_block "
			+ "check (actor <> 'blocked-actor') not valid";

	private static final String UNBLOCK = "alter table audit_records drop constraint if exists audit_test_block";

	@Autowired
	private PendingRecords pending;

	@Autowired
	private AuditSealer sealer;

	@Autowired
	private JdbcConnectionDetails database;

	@AfterEach
	void unblock() {
		jdbc().sql(UNBLOCK).update();
	}

	@Test
	void keepsRecordsThatCannotBeWrittenReportsNotReadyAndWritesThemOnceLater() {
		String blocked = issuer.token("blocked-actor", Permissions.GET);
		String userId = newUserId();
		jdbc().sql(BLOCK).update();

		List<String> requestIds = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String requestId = "blocked-" + UUID.randomUUID();
			requestIds.add(requestId);
			assertThat(api().send("GET", "/ekyc/admin/" + userId + "/status", blocked, null, "X-Request-Id", requestId)
				.status()).isEqualTo(404);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> management().get("/actuator/health/readiness", null).status() == 503);
		assertThat(management().get("/actuator/health/readiness", null).body()).contains("audit");
		assertThat(countOf(requestIds)).isZero();

		jdbc().sql(UNBLOCK).update();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> management().get("/actuator/health/readiness", null).status() == 200);
		await().atMost(Duration.ofSeconds(5)).until(() -> countOf(requestIds) == 5);
		this.pending.flush();
		assertThat(countOf(requestIds)).isEqualTo(5);
		assertThat(jdbc().sql("select count(distinct request_id) from audit_records where request_id = any(?)")
			.param(requestIds.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void refusesRequestsWhenNoRoomIsLeftRatherThanLeaveThemUnrecorded() {
		String blocked = issuer.token("blocked-actor", Permissions.GET);
		jdbc().sql(BLOCK).update();
		this.pending.flush();

		// The limit is 100: some room may hold records of other requests still.
		ApiResponse refused = null;
		for (int i = 0; i < 101 && refused == null; i++) {
			ApiResponse answer = api().get("/ekyc/admin/" + newUserId() + "/status", blocked);
			if (answer.status() == 503) {
				refused = answer;
			}
		}

		assertThat(refused).isNotNull();
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(this.pending.count()).isEqualTo(100);

		jdbc().sql(UNBLOCK).update();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.pending.count() == 0);
		assertThat(api().get("/ekyc/admin/" + newUserId() + "/status", blocked).status()).isEqualTo(404);
	}

	@Test
	void writesWhatWaitsWhenItShutsDownAndTwoInstancesKeepOneValidChain() throws Exception {
		try (ConfigurableApplicationContext second = secondInstance()) {
			Api other = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
			String token = issuer.token("two-instances", Permissions.GET, Permissions.CREATE);
			Concurrently.run(16, () -> {
				for (Api instance : List.of(api(), other)) {
					String userId = newUserId();
					instance.post("/ekyc/admin/" + userId + "/sessions", token, "{}");
					instance.get("/ekyc/admin/" + userId + "/status", token);
				}
				return null;
			});

			// A read the second instance cannot write yet: its shutdown keeps trying.
			jdbc().sql(BLOCK).update();
			String requestId = "shutdown-" + UUID.randomUUID();
			other.send("GET", "/ekyc/admin/" + newUserId() + "/status", issuer.token("blocked-actor", Permissions.GET),
					null, "X-Request-Id", requestId);
			CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS).execute(() -> jdbc().sql(UNBLOCK).update());
			second.close();

			assertThat(countOf(List.of(requestId))).isEqualTo(1);
		}
		this.pending.flush();
		this.sealer.seal();
		ApiResponse verification = api().get("/ekyc/admin/audit/verify", adminToken());
		assertThat(verification.json().get("valid").asBoolean()).as(verification.body()).isTrue();
		// The verification's own record comes after the seal above: the
		// sealer's next round takes it.
		await().atMost(Duration.ofSeconds(5)).until(() -> unsealedAuditRecords() == 0);
	}

	private ConfigurableApplicationContext secondInstance() {
		return new SpringApplicationBuilder(EkycApplication.class).run("--server.port=0", "--management.server.port=0",
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + nullToEmpty(this.database.getPassword()),
				"--spring.datasource.hikari.maximum-pool-size=5",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(),
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + LocalIssuer.AUDIENCE,
				"--ekyc.callbacks.signing-secret=" + TestKeys.SIGNING_SECRET, "--ekyc.callbacks.dispatch-enabled=false",
				"--ekyc.rate-limit.requests-per-second=0");
	}

	private long countOf(List<String> requestIds) {
		return jdbc().sql("select count(*) from audit_records where request_id = any(?)")
			.param(requestIds.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
