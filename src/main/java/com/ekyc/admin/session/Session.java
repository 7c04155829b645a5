package com.ekyc.admin.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One verification of one user. Its status only changes through methods that check the
 * move is allowed; {@code version} starts at 1 and grows by one at every change.
 */
@Entity
@Table(name = "sessions")
public class Session {

	@Id
	private UUID id;

	private String userId;

	@Enumerated(EnumType.STRING)
	private SessionStatus status;

	private @Nullable String callback;

	private @Nullable String reason;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant expiresAt;

	private @Nullable Instant completedAt;

	private String createdBy;

	// Starts at 1 in every constructor, so Hibernate takes a fresh row's version as
	// given.
	@Version
	private long version = 1;

	@SuppressWarnings("NullAway.Init")
	protected Session() {
	}

	private Session(String userId, @Nullable URI callback, String actor, Instant now, Duration ttl) {
		this.id = SessionIds.next(now);
		this.userId = userId;
		this.status = SessionStatus.CREATED;
		this.callback = (callback != null) ? callback.toString() : null;
		this.createdAt = now;
		this.updatedAt = now;
		this.expiresAt = now.plus(ttl);
		this.createdBy = actor;
	}

	/**
	 * A new session in {@link SessionStatus#CREATED}, expiring {@code ttl} after
	 * {@code now}.
	 */
	static Session start(String userId, @Nullable URI callback, String actor, Instant now, Duration ttl) {
		return new Session(userId, callback, actor, now, ttl);
	}

	public UUID getId() {
		return this.id;
	}

	public String getUserId() {
		return this.userId;
	}

	public SessionStatus getStatus() {
		return this.status;
	}

	public @Nullable String getCallback() {
		return this.callback;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getCompletedAt() {
		return this.completedAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public long getVersion() {
		return this.version;
	}

}
