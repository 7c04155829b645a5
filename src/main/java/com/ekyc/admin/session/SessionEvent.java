package com.ekyc.admin.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a session's history: a status change, creation included, numbered by a
 * per-session {@code sequence} and written in the same transaction as the change.
 */
@Entity
@Table(name = "session_events")
public class SessionEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private UUID sessionId;

	private int sequence;

	@Column(name = "from_status")
	@Enumerated(EnumType.STRING)
	private @Nullable SessionStatus from;

	@Column(name = "to_status")
	@Enumerated(EnumType.STRING)
	private SessionStatus to;

	private @Nullable String reason;

	private String actor;

	private Instant occurredAt;

	@SuppressWarnings("NullAway.Init")
	protected SessionEvent() {
	}

	SessionEvent(UUID sessionId, int sequence, @Nullable SessionStatus from, SessionStatus to, @Nullable String reason,
			String actor, Instant occurredAt) {
		this.sessionId = sessionId;
		this.sequence = sequence;
		this.from = from;
		this.to = to;
		this.reason = reason;
		this.actor = actor;
		this.occurredAt = occurredAt;
	}

	public UUID getSessionId() {
		return this.sessionId;
	}

	public int getSequence() {
		return this.sequence;
	}

	public @Nullable SessionStatus getFrom() {
		return this.from;
	}

	public SessionStatus getTo() {
		return this.to;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public String getActor() {
		return this.actor;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

}
