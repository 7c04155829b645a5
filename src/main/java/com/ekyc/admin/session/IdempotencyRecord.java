package com.ekyc.admin.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * What an {@code Idempotency-Key} of one caller created: the session, and a fingerprint
 * of the request so that the same key with another user or body can be refused.
 */
@Entity
@Table(name = "idempotency_keys")
class IdempotencyRecord {

	@EmbeddedId
	private Key id;

	private String fingerprint;

	private UUID sessionId;

	private Instant createdAt;

	private Instant expiresAt;

	@SuppressWarnings("NullAway.Init")
	protected IdempotencyRecord() {
	}

	String getFingerprint() {
		return this.fingerprint;
	}

	UUID getSessionId() {
		return this.sessionId;
	}

	@Embeddable
	record Key(String caller, @Column(name = "key") String key) {
	}

}
