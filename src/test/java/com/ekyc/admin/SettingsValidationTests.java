package com.ekyc.admin;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import com.ekyc.admin.callback.CallbackProperties;
import com.ekyc.admin.database.DatabaseProperties;
import com.ekyc.admin.security.RateLimitProperties;
import com.ekyc.admin.session.SessionProperties;
import com.ekyc.admin.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting is checked where it is declared, on its properties record: a wrong value
 * stops the start with a message naming the setting, and never prints a signing key.
 */
class SettingsValidationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(AllSettings.class)
		.withPropertyValues("ekyc.callbacks.signing-secret=" + TestKeys.SIGNING_SECRET);

	@Test
	void startsWithTheDefaultsOfEveryRecord() {
		this.contexts.run((context) -> {
			assertThat(context).hasNotFailed();
			SessionProperties sessions = context.getBean(SessionProperties.class);
			assertThat(sessions.idempotencyWindow()).hasHours(24);
			assertThat(sessions.idempotencyPurgeInterval()).hasHours(1);
			CallbackProperties callbacks = context.getBean(CallbackProperties.class);
			assertThat(callbacks.workers()).isEqualTo(32);
			assertThat(callbacks.retrySchedule()).hasSize(7);
			assertThat(context.getBean(DatabaseProperties.class).statementTimeout()).hasSeconds(5);
			assertThat(context.getBean(RateLimitProperties.class).requestsPerSecond()).isEqualTo(100);
		});
	}

	@Test
	void refusesZeroDurationsOfSessions() {
		refuses("ekyc.sessions.ttl=0s", "ekyc.sessions.ttl");
		refuses("ekyc.sessions.idempotency-window=-1s", "ekyc.sessions.idempotencyWindow");
		refuses("ekyc.sessions.expiry-sweep-interval=0s", "ekyc.sessions.expirySweepInterval");
		refuses("ekyc.sessions.idempotency-purge-interval=0s", "ekyc.sessions.idempotencyPurgeInterval");
	}

	@Test
	void refusesALeaseShorterThanTwiceTheTimeout() {
		refuses("ekyc.callbacks.lease=15s", "twice ekyc.callbacks.timeout");
	}

	@Test
	void refusesCallbackSettingsOutOfRange() {
		refuses("ekyc.callbacks.timeout=0s", "ekyc.callbacks.timeout");
		refuses("ekyc.callbacks.workers=0", "ekyc.callbacks.workers");
		refuses("ekyc.callbacks.retry-schedule=", "ekyc.callbacks.retrySchedule");
		refuses("ekyc.callbacks.retry-schedule=5s,-1s", "ekyc.callbacks.retrySchedule");
	}

	@Test
	void refusesAMissingSigningSecretSayingHowToMakeOne() {
		refuses("ekyc.callbacks.signing-secret=", "openssl rand -base64 32");
	}

	@Test
	void refusesMalformedOrShortSigningSecretsWithoutPrintingThem() {
		for (String secret : new String[] { "secret123", "whsec_c2hvcnQ=", "whsec_!!!" }) {
			this.contexts.withPropertyValues("ekyc.callbacks.signing-secret=" + secret).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failureOf(context)).contains("at least 24 key bytes").doesNotContain(secret);
			});
		}
		this.contexts
			.withPropertyValues(
					"ekyc.callbacks.previous-signing-secrets=" + TestKeys.SIGNING_SECRET + ",whsec_c2hvcnQ=")
			.run((context) -> assertThat(failureOf(context)).contains("previousSigningSecrets")
				.doesNotContain("whsec_c2hvcnQ="));
	}

	@Test
	void refusesAStatementTimeoutOutOfRange() {
		refuses("ekyc.database.statement-timeout=10ms", "ekyc.database.statementTimeout");
	}

	private void refuses(String setting, String named) {
		this.contexts.withPropertyValues(setting).run((context) -> {
			assertThat(context).as(setting).hasFailed();
			assertThat(failureOf(context)).as(setting).contains(named);
		});
	}

	// What Boot prints for a failed start: the messages of the failure and its causes.
	private static String failureOf(AssertableApplicationContext context) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
		}
		return messages.toString();
	}

	@EnableConfigurationProperties({ SessionProperties.class, CallbackProperties.class, DatabaseProperties.class,
			RateLimitProperties.class })
	static class AllSettings {

	}

}
