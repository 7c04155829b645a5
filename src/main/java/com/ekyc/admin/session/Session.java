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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.database.TimeOrderedIds;

/**
 * One verification of one user. Its status only changes through methods that check the
 * move is allowed; {@code version} starts at 1 and grows by one at every change.
 */
@Entity
@Table(name = "sessions")
public class Session {

	/** The actor recorded for changes the service makes itself. */
	public static final String SYSTEM_ACTOR = "ekyc-admin";

	/** The reason recorded when a session expires. */
	public static final String EXPIRY_REASON = "ttl_elapsed";

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

	// One change per loaded session: its history sequence is the version the change
	// commits as.
	@Transient
	private boolean changed;

	@SuppressWarnings("NullAway.Init")
	protected Session() {
	}

	private Session(String userId, @Nullable URI callback, String actor, Instant now, Duration ttl) {
		this.id = TimeOrderedIds.next(now);
		this.userId = userId;
		this.status = SessionStatus.CREATED;
		this.callback = (callback != null) ? callback.toString() : null;
		this.createdAt = now;
		this.updatedAt = now;
		this.expiresAt = now.plus(ttl);
		this.createdBy = actor;
	}

	/**
	 * A session as stored, read without the persistence context (see
	 * {@link SessionReads}): to be answered, not changed.
	 */
	static Session stored(UUID id, String userId, SessionStatus status, @Nullable String callback,
			@Nullable String reason, Instant createdAt, Instant updatedAt, Instant expiresAt,
			@Nullable Instant completedAt, String createdBy, long version) {
		Session session = new Session();
		session.id = id;
		session.userId = userId;
		session.status = status;
		session.callback = callback;
		session.reason = reason;
		session.createdAt = createdAt;
		session.updatedAt = updatedAt;
		session.expiresAt = expiresAt;
		session.completedAt = completedAt;
		session.createdBy = createdBy;
		session.version = version;
		return session;
	}

	/**
	 * A new session in {@link SessionStatus#CREATED}, expiring {@code ttl} after
	 * {@code now}.
	 */
	static Session start(String userId, @Nullable URI callback, String actor, Instant now, Duration ttl) {
		return new Session(userId, callback, actor, now, ttl);
	}

	/**
	 * The first entry of the session's history: it came into being.
	 */
	SessionEvent creation() {
		return new SessionEvent(this.id, 1, null, this.status, null, this.createdBy, this.createdAt);
	}

	/**
	 * Moves the session to the status a caller asked for, if the move is allowed.
	 * @return the history entry of the change, to be stored with it
	 * @throws StatusChangeNotAllowedException if {@code next} is not an allowed move from
	 * the current status
	 */
	SessionEvent moveTo(SessionStatus next, @Nullable String reason, String actor, Instant now) {
		if (!this.status.canMoveTo(next)) {
			throw new StatusChangeNotAllowedException(this.status, next);
		}
		return change(next, reason, actor, now);
	}

	/**
	 * Expires the session: the service's own move, for sessions still waiting on the user
	 * once {@code expiresAt} has passed.
	 */
	SessionEvent expire(Instant now) {
		if (!this.status.canExpire() || now.isBefore(this.expiresAt)) {
			throw new IllegalStateException("Session " + this.id + " in " + this.status + " cannot expire at " + now);
		}
		return change(SessionStatus.EXPIRED, EXPIRY_REASON, SYSTEM_ACTOR, now);
	}

	private SessionEvent change(SessionStatus next, @Nullable String reason, String actor, Instant now) {
		if (this.changed) {
			throw new IllegalStateException("Session " + this.id + " was already changed in this transaction");
		}
		this.changed = true;
		SessionStatus previous = this.status;
		this.status = next;
		this.reason = reason;
		this.updatedAt = now;
		if (next.isTerminal()) {
			this.completedAt = now;
		}
		// Hibernate raises the version by one when this change is flushed.
		return new SessionEvent(this.id, Math.toIntExact(this.version + 1), previous, next, reason, actor, now);
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
