package com.ekyc.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on a PostgreSQL server given by configuration, created once per
 * test run (JVM) and dropped when the run ends.
 * <p>
 * {@code EKYC_TEST_DATABASE_URL} is a JDBC URL of any database on the server that the
 * user may create databases from, for example
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}; {@code EKYC_TEST_DATABASE_USERNAME}
 * (default {@code postgres}) and {@code EKYC_TEST_DATABASE_PASSWORD} (default empty) are
 * the credentials.
 */
public final class FreshDatabase {

	static final String URL_VARIABLE = "EKYC_TEST_DATABASE_URL";

	private static FreshDatabase instance;

	private final String jdbcUrl;

	private final String username;

	private final String password;

	private FreshDatabase(String jdbcUrl, String username, String password) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
	}

	static boolean isConfigured() {
		String url = System.getenv(URL_VARIABLE);
		return url != null && !url.isBlank();
	}

	/**
	 * The database of this test run, created at the first call.
	 */
	public static synchronized FreshDatabase get() {
		if (instance == null) {
			instance = create(System.getenv(URL_VARIABLE), env("EKYC_TEST_DATABASE_USERNAME", "postgres"),
					env("EKYC_TEST_DATABASE_PASSWORD", ""));
		}
		return instance;
	}

	private static FreshDatabase create(String serverUrl, String username, String password) {
		String name = "ekyc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		execute(serverUrl, username, password, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(
					() -> execute(serverUrl, username, password, "drop database if exists " + name + " with (force)")));
		return new FreshDatabase(withDatabase(serverUrl, name), username, password);
	}

	/**
	 * The same server URL naming another database, its parameters kept.
	 */
	static String withDatabase(String serverUrl, String database) {
		if (!serverUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql://")) {
			throw new IllegalStateException(URL_VARIABLE + " must be a jdbc:postgresql:// URL, not " + serverUrl);
		}
		int hostStart = "jdbc:postgresql://".length();
		int pathStart = serverUrl.indexOf('/', hostStart);
		int queryStart = serverUrl.indexOf('?', hostStart);
		int hostEnd = (pathStart >= 0) ? pathStart : ((queryStart >= 0) ? queryStart : serverUrl.length());
		String query = (queryStart >= 0) ? serverUrl.substring(queryStart) : "";
		return serverUrl.substring(0, hostEnd) + "/" + database + query;
	}

	private static void execute(String url, String username, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + ex.getMessage(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

}
