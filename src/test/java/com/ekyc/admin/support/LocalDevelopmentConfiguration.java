package com.ekyc.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * What {@code ./mvnw spring-boot:test-run} adds to the service: PostgreSQL (a
 * Testcontainers container where Docker runs, else the database {@code ekyc_dev} on the
 * local server, created when missing), the {@link LocalIssuer} on port 9000 with the
 * clients of {@link LocalClient}, and callbacks allowed to local addresses.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalDevelopmentConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(LocalDevelopmentConfiguration.class);

	static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	static final String DEV_DATABASE = "ekyc_dev";

	/**
	 * The callback signing key of local development: fixed, so receivers under test can
	 * verify.
	 */
	public static final String DEV_SIGNING_SECRET = "whsec_ZGV2ZWxvcG1lbnQtb25seS1zaWduaW5nLWtleS0wMQ==";

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer(TestDatabaseConfiguration.POSTGRES_IMAGE);
	}

	@Bean
	@Conditional(DockerUnavailable.class)
	JdbcConnectionDetails localDevelopmentDatabase() {
		createDevDatabaseIfMissing();
		return new PostgresConnection(LOCAL_SERVER + DEV_DATABASE, "postgres", "");
	}

	@EventListener
	void printHowToCall(ApplicationReadyEvent event) {
		int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
		String tokenUrl = event.getApplicationContext().getEnvironment().getProperty("ekyc.security.token-url");
		logger.info("""

				ekyc-admin is running for local development
				  API:        http://localhost:{}/ekyc/admin
				  Swagger UI: http://localhost:{}/swagger-ui.html (Authorize: client credentials)
				  Clients:    {} / {} (all permissions), {} / {} (list and get only)
				  A token:    curl -s -u {}:{} -d grant_type=client_credentials {}
				  Callbacks:  http and local addresses allowed, signed with {}
				""", port, port, LocalClient.ADMIN.clientId(), LocalClient.ADMIN.secret(),
				LocalClient.VIEWER.clientId(), LocalClient.VIEWER.secret(), LocalClient.ADMIN.clientId(),
				LocalClient.ADMIN.secret(), tokenUrl, DEV_SIGNING_SECRET);
	}

	private static void createDevDatabaseIfMissing() {
		try (Connection connection = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "");
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DEV_DATABASE);
			try (ResultSet found = exists.executeQuery(); Statement create = connection.createStatement()) {
				if (!found.next()) {
					create.execute("create database " + DEV_DATABASE);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Local development needs Docker or PostgreSQL on 127.0.0.1:5432 "
					+ "(user postgres, trust authentication): " + ex.getMessage(), ex);
		}
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestDatabaseConfiguration.dockerAvailable();
		}

	}

	static class DockerUnavailable extends DockerAvailable {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !super.matches(context, metadata);
		}

	}

}
