package com.ekyc.admin.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops the test run at once, before any application context starts, when there is no
 * PostgreSQL to run the integration tests against: the first test class fails with one
 * message that says what to do and every other class, unit tests included, is skipped
 * (instead of hundreds of context failures after half a minute of unit tests). Registered
 * for every test class through {@code META-INF/services} and the autodetection switch in
 * {@code junit-platform.properties}.
 */
public class PostgresRequired implements ExecutionCondition {

	static final String MISSING = "The integration tests need PostgreSQL: set " + FreshDatabase.URL_VARIABLE
			+ " (for example jdbc:postgresql://127.0.0.1:5432/postgres, a server on which the user may create "
			+ "databases) or start Docker for Testcontainers.";

	private static final AtomicBoolean reported = new AtomicBoolean();

	private static volatile Boolean available;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isAvailable()) {
			return ConditionEvaluationResult.enabled("PostgreSQL is there");
		}
		if (reported.compareAndSet(false, true)) {
			throw new IllegalStateException(MISSING);
		}
		return ConditionEvaluationResult.disabled("No PostgreSQL: see the first failure");
	}

	private static boolean isAvailable() {
		if (available == null) {
			available = FreshDatabase.isConfigured() || TestDatabaseConfiguration.dockerAvailable();
		}
		return available;
	}

}
