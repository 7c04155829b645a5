package com.ekyc.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The database of {@code ./mvnw spring-boot:test-run}: the one {@code EKYC_DATABASE_URL}
 * names (with {@code EKYC_DATABASE_USERNAME} and {@code EKYC_DATABASE_PASSWORD}) when it
 * is set, as in production; else a Testcontainers PostgreSQL where Docker runs; else the
 * database {@code ekyc_dev} on the PostgreSQL server at 127.0.0.1:5432, created when
 * missing, as {@code EKYC_DATABASE_USERNAME} (default {@code postgres}) with
 * {@code EKYC_DATABASE_PASSWORD}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalDevelopmentConfiguration {

	static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	static final String DEV_DATABASE = "ekyc_dev";

	/**
	 * The callback signing key of local development: fixed, so receivers under test can
	 * verify.
	 */
	public static final String DEV_SIGNING_SECRET = "whsec_ZGV2ZWxvcG1lbnQtb25seS1zaWduaW5nLWtleS0wMQ==";

	@Bean
	@ServiceConnection
	@Conditional(DockerWithoutDatabaseUrl.class)
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer(TestDatabaseConfiguration.POSTGRES_IMAGE);
	}

	@Bean
	@Conditional(NeitherDockerNorDatabaseUrl.class)
	JdbcConnectionDetails localDevelopmentDatabase() {
		String username = env("EKYC_DATABASE_USERNAME", "postgres");
		String password = env("EKYC_DATABASE_PASSWORD", "");
		createDevDatabaseIfMissing(username, password);
		return new PostgresConnection(LOCAL_SERVER + DEV_DATABASE, username, password);
	}

	private static void createDevDatabaseIfMissing(String username, String password) {
		try (Connection connection = DriverManager.getConnection(LOCAL_SERVER + "postgres", username, password);
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DEV_DATABASE);
			try (ResultSet found = exists.executeQuery(); Statement create = connection.createStatement()) {
				if (!found.next()) {
					create.execute("create database " + DEV_DATABASE);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Local development needs Docker, or PostgreSQL on 127.0.0.1:5432 where "
					+ username + " may create databases (EKYC_DATABASE_USERNAME and EKYC_DATABASE_PASSWORD name "
					+ "another user), or EKYC_DATABASE_URL naming a database: " + ex.getMessage(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private static boolean databaseUrlGiven() {
		return !env("EKYC_DATABASE_URL", "").isEmpty();
	}

	static class DockerWithoutDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !databaseUrlGiven() && TestDatabaseConfiguration.dockerAvailable();
		}

	}

	static class NeitherDockerNorDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !databaseUrlGiven() && !TestDatabaseConfiguration.dockerAvailable();
		}

	}

}
