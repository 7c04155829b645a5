package com.ekyc.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own on a PostgreSQL server given by configuration, created once per
 * test run (JVM) and dropped when the run ends.
 * <p>
 * {@code EKYC_TEST_DATABASE_URL} is a JDBC URL of any database on the server that the
 * user may create databases from, for example
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}; {@code EKYC_TEST_DATABASE_USERNAME}
 * (default {@code postgres}) and {@code EKYC_TEST_DATABASE_PASSWORD} (default empty) are
 * the credentials.
 * <p>
 * A database's name says when its run began ({@code ekyc_test_<epoch seconds>_<random>}),
 * so that a run can drop what runs that ended badly left behind, without touching a run
 * still under way.
 */
public final class FreshDatabase {

	static final String URL_VARIABLE = "EKYC_TEST_DATABASE_URL";

	private static final String PREFIX = "ekyc_test_";

	// Older than any run: what is left of it was not dropped when it ended.
	private static final Duration LEFTOVER_AGE = Duration.ofHours(6);

	private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{10})_[0-9a-f]{12}");

	private static final int DROP_TRIES = 5;

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
		dropLeftovers(serverUrl, username, password);
		String name = PREFIX + Instant.now().getEpochSecond() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(serverUrl, username, password, "create database " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, username, password, name)));
		return new FreshDatabase(withDatabase(serverUrl, name), username, password);
	}

	/**
	 * Drops the databases of earlier runs that are older than any run takes, and those
	 * named before names told their age.
	 */
	private static void dropLeftovers(String serverUrl, String username, String password) {
		List<String> leftovers = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
				Statement statement = connection.createStatement();
				ResultSet names = statement
					.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
			while (names.next()) {
				Matcher name = NAME.matcher(names.getString(1));
				if (!name.matches() || Instant.ofEpochSecond(Long.parseLong(name.group(1)))
					.isBefore(Instant.now().minus(LEFTOVER_AGE))) {
					leftovers.add(names.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not list the databases on " + serverUrl + ": " + ex.getMessage(),
					ex);
		}
		leftovers.forEach((name) -> drop(serverUrl, username, password, name));
	}

	/**
	 * Drops the database, trying again while the server refuses (it may be out of
	 * connections while the run's own pools close), and says so loudly if it never could.
	 */
	private static void drop(String serverUrl, String username, String password, String name) {
		for (int attempt = 1;; attempt++) {
			try {
				execute(serverUrl, username, password, "drop database if exists " + name + " with (force)");
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt == DROP_TRIES) {
					System.err.println("\n*** The test database " + name + " could not be dropped: " + ex.getMessage()
							+ "\n*** Drop it by hand: psql -d postgres -c 'drop database " + name
							+ " with (force)' (the next run drops it too)\n");
					return;
				}
				sleep(Duration.ofMillis(500L * attempt));
			}
		}
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

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
