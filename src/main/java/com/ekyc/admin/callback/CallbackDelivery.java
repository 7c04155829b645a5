package com.ekyc.admin.callback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * One status change on its way to a session's callback URL: the outbox row, with the body
 * to send, its attempts, when the next one is due, and the lease of the worker sending
 * it.
 */
@Entity
@Table(name = "callback_deliveries")
public class CallbackDelivery implements Persistable<UUID> {

	@Id
	private UUID id;

	private UUID sessionId;

	private int sequence;

	private @Nullable String url;

	private @Nullable String payload;

	@Enumerated(EnumType.STRING)
	private DeliveryStatus status;

	private int attempts;

	// Attempts since the delivery was last (re)started: the place in the retry schedule.
	private int roundAttempts;

	private Instant nextAttemptAt;

	private @Nullable UUID leaseToken;

	private @Nullable Instant leaseUntil;

	private @Nullable Instant lastAttemptAt;

	private @Nullable Integer lastStatusCode;

	private @Nullable String lastError;

	private @Nullable Instant deliveredAt;

	private Instant createdAt;

	private @Nullable String requestId;

	// Made by the constructor, not loaded: save() then inserts it at once. Its id is
	// assigned, so Spring Data would otherwise merge it: a SELECT before the INSERT.
	@Transient
	private boolean isNew;

	@SuppressWarnings("NullAway.Init")
	protected CallbackDelivery() {
	}

	CallbackDelivery(UUID id, UUID sessionId, int sequence, String url, String payload, Instant createdAt,
			@Nullable String requestId) {
		this.id = id;
		this.sessionId = sessionId;
		this.sequence = sequence;
		this.url = url;
		this.payload = payload;
		this.status = DeliveryStatus.PENDING;
		this.nextAttemptAt = createdAt;
		this.createdAt = createdAt;
		this.requestId = requestId;
		this.isNew = true;
	}

	@PostPersist
	@PostLoad
	void markPersisted() {
		this.isNew = false;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	/**
	 * Records an attempt the receiver accepted.
	 */
	void delivered(Instant at, int statusCode) {
		attempted(at, statusCode, null);
		this.status = DeliveryStatus.DELIVERED;
		this.deliveredAt = at;
	}

	/**
	 * Records a failed attempt; the delivery is tried again at {@code retryAt}, or has
	 * failed for good when that is {@code null}.
	 */
	void attemptFailed(Instant at, @Nullable Integer statusCode, String error, @Nullable Instant retryAt) {
		attempted(at, statusCode, error);
		if (retryAt != null) {
			this.nextAttemptAt = retryAt;
		}
		else {
			this.status = DeliveryStatus.FAILED;
		}
	}

	private void attempted(Instant at, @Nullable Integer statusCode, @Nullable String error) {
		this.attempts++;
		this.roundAttempts++;
		this.lastAttemptAt = at;
		this.lastStatusCode = statusCode;
		this.lastError = (error != null && error.length() > 500) ? error.substring(0, 500) : error;
		this.leaseToken = null;
		this.leaseUntil = null;
	}

	/**
	 * Starts a failed delivery again, with a fresh round of the retry schedule.
	 * @throws DeliveryNotFailedException if the delivery has not failed
	 */
	void redeliver(Instant now) {
		if (this.status != DeliveryStatus.FAILED) {
			throw new DeliveryNotFailedException(this.status);
		}
		this.status = DeliveryStatus.PENDING;
		this.roundAttempts = 0;
		this.nextAttemptAt = now;
	}

	boolean isLeasedWith(UUID token) {
		return token.equals(this.leaseToken);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getSessionId() {
		return this.sessionId;
	}

	public int getSequence() {
		return this.sequence;
	}

	/**
	 * The receiver's URL; {@code null} once the session is erased and the delivery
	 * finished.
	 */
	public @Nullable String getUrl() {
		return this.url;
	}

	/**
	 * The body every attempt sends; {@code null} once the session is erased and the
	 * delivery finished.
	 */
	public @Nullable String getPayload() {
		return this.payload;
	}

	public DeliveryStatus getStatus() {
		return this.status;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public int getRoundAttempts() {
		return this.roundAttempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public @Nullable UUID getLeaseToken() {
		return this.leaseToken;
	}

	public @Nullable Instant getLeaseUntil() {
		return this.leaseUntil;
	}

	public @Nullable Instant getLastAttemptAt() {
		return this.lastAttemptAt;
	}

	public @Nullable Integer getLastStatusCode() {
		return this.lastStatusCode;
	}

	public @Nullable String getLastError() {
		return this.lastError;
	}

	public @Nullable Instant getDeliveredAt() {
		return this.deliveredAt;
	}

	/**
	 * The id of the request that made the change, for the log lines of its attempts.
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
