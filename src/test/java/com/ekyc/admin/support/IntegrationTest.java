package com.ekyc.admin.support;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.session.SessionService;

/**
 * Base of the tests that run the whole service on a random port against real PostgreSQL,
 * with tokens from the {@link LocalIssuer}. All share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
// Only the callback tests' context sends callbacks, under address rules of its own. The
// suite calls as few actors at a pace no client would: the per-client limit has a test of
// its own. Several contexts live at once in a run: each keeps few connections open.
@TestPropertySource(properties = { "ekyc.callbacks.dispatch-enabled=false", "ekyc.rate-limit.requests-per-second=0",
		"spring.datasource.hikari.maximum-pool-size=10", "spring.datasource.hikari.minimum-idle=1" })
public abstract class IntegrationTest {

	protected static final LocalIssuer issuer = LocalIssuer.start(0);

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry properties) {
		properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuerUri);
		properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwksUri);
		properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> LocalIssuer.AUDIENCE);
		properties.add("ekyc.security.token-url", issuer::tokenUri);
		properties.add("ekyc.callbacks.signing-secret", () -> TestKeys.SIGNING_SECRET);
	}

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SessionService sessions;

	protected Api api() {
		return new Api(this.port);
	}

	/** The management port: health, metrics and the other actuator endpoints. */
	protected Api management() {
		return new Api(this.managementPort);
	}

	/** A token with every permission. */
	protected static String adminToken() {
		return issuer.token("backoffice-service", Permissions.ALL.toArray(String[]::new));
	}

	/** Creates a session for the user and answers its id. */
	protected String createSession(String userId) {
		ApiResponse created = api().post("/ekyc/admin/" + userId + "/sessions", adminToken(), "{}");
		if (created.status() != 200) {
			throw new IllegalStateException("Could not create a session: " + created);
		}
		return created.json().get("id").asString();
	}

	/** A session built through the domain, for a new user unless told otherwise. */
	protected SessionBuilder aSession() {
		return new SessionBuilder(this.sessions);
	}

	protected JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * Audit records written but not sealed into the chain yet (V10: behind the last run).
	 */
	protected long unsealedAuditRecords() {
		return this.jdbc.sql("""
				select count(*) from audit_records
				where id > coalesce((select max(last_id) from audit_seal_runs), 0)""").query(Long.class).single();
	}

	/**
	 * Moves the audit trail's next id two empty id ranges past the newest record's range
	 * of the index by user (V11: 2^18 ids a range), so that the records written next are
	 * in another range than those before.
	 */
	protected void nextAuditRecordsInALaterIdRange() {
		long next = (this.jdbc.sql("select coalesce(max(id), 0) >> 18 from audit_records").query(Long.class).single()
				+ 3) << 18;
		this.jdbc.sql("alter table audit_records alter column id restart with " + next).update();
	}

	/** A user id no other test uses. */
	protected static String newUserId() {
		return "user-" + UUID.randomUUID();
	}

}
