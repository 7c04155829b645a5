package com.ekyc.admin.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Connects the application to this test run's database through a {@link CuttableProxy},
 * so that a test can take the database away and give it back. Imported by tests on top of
 * {@link TestDatabaseConfiguration}, whose connection it wraps.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProxiedDatabaseConfiguration {

	private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::([0-9]+))?(.*)",
			Pattern.CASE_INSENSITIVE);

	@Bean(destroyMethod = "close")
	CuttableProxy databaseProxy(ObjectProvider<PostgreSQLContainer> container) {
		Matcher url = POSTGRES_URL.matcher(database(container).getJdbcUrl());
		if (!url.matches()) {
			throw new IllegalStateException("Not a PostgreSQL URL with one host: " + url);
		}
		return CuttableProxy.start(url.group(1), (url.group(2) != null) ? Integer.parseInt(url.group(2)) : 5432);
	}

	@Bean
	@Primary
	JdbcConnectionDetails proxiedDatabase(CuttableProxy proxy, ObjectProvider<PostgreSQLContainer> container) {
		JdbcConnectionDetails database = database(container);
		Matcher url = POSTGRES_URL.matcher(database.getJdbcUrl());
		url.matches();
		return new PostgresConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3),
				database.getUsername(), database.getPassword());
	}

	private static JdbcConnectionDetails database(ObjectProvider<PostgreSQLContainer> containers) {
		if (FreshDatabase.isConfigured()) {
			FreshDatabase database = FreshDatabase.get();
			return new PostgresConnection(database.jdbcUrl(), database.username(), database.password());
		}
		PostgreSQLContainer container = containers.getObject();
		if (!container.isRunning()) {
			container.start();
		}
		return new PostgresConnection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

}
