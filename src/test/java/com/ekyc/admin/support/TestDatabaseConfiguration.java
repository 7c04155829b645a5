package com.ekyc.admin.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
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
 * Gives the application a real PostgreSQL database of this test run's own: on the server
 * named by {@code EKYC_TEST_DATABASE_URL} when it is set (then Docker is never asked),
 * else in a Testcontainers container. With neither, the run stops at once and says what
 * to do.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	static final String POSTGRES_IMAGE = "postgres:17-alpine";

	@Bean
	@Conditional(DatabaseUrlGiven.class)
	JdbcConnectionDetails freshDatabase() {
		FreshDatabase database = FreshDatabase.get();
		return new PostgresConnection(database.jdbcUrl(), database.username(), database.password());
	}

	@Bean
	@ServiceConnection
	@Conditional(NoDatabaseUrlGiven.class)
	PostgreSQLContainer postgres() {
		if (!dockerAvailable()) {
			throw new IllegalStateException(PostgresRequired.MISSING);
		}
		return new PostgreSQLContainer(POSTGRES_IMAGE);
	}

	/**
	 * Whether Testcontainers can start containers. Asked only where a Docker engine may
	 * be, so that machines without one are spared Testcontainers' error log.
	 */
	static boolean dockerAvailable() {
		boolean mayHaveDocker = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
		return mayHaveDocker && DockerClientFactory.instance().isDockerAvailable();
	}

	static class DatabaseUrlGiven implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return FreshDatabase.isConfigured();
		}

	}

	static class NoDatabaseUrlGiven implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !FreshDatabase.isConfigured();
		}

	}

}
