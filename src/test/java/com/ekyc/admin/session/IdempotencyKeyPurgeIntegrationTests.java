package com.ekyc.admin.session;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyPurgeIntegrationTests extends IntegrationTest {

	@Autowired
	private IdempotencyKeyPurge purge;

	@Test
	void deletesOnlyKeysWhoseWindowHasPassed() {
		String expiredKey = "purge-expired-" + newUserId();
		String liveKey = "purge-live-" + newUserId();
		remember(expiredKey, "now() - interval '1 minute'");
		remember(liveKey, "now() + interval '1 hour'");

		this.purge.purgeExpired();

		assertThat(keyCount(expiredKey)).isZero();
		assertThat(keyCount(liveKey)).isOne();
	}

	private void remember(String key, String expiresAt) {
		String sessionId = createSession(newUserId());
		jdbc()
			.sql("insert into idempotency_keys (caller, key, fingerprint, session_id, created_at, expires_at) "
					+ "values ('purge-test', :key, repeat('0', 64), cast(:session as uuid), now(), " + expiresAt + ")")
			.param("key", key)
			.param("session", sessionId)
			.update();
	}

	private long keyCount(String key) {
		return jdbc().sql("select count(*) from idempotency_keys where key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

}
