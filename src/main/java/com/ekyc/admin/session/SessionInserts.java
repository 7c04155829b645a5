package com.ekyc.admin.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows a change adds, as plain SQL in the change's transaction: a new session and the
 * entries of its history. They are never changed afterwards, so nothing is gained by
 * keeping them in the persistence context, which would cost more than the inserts.
 */
@Repository
class SessionInserts {

	private final JdbcClient jdbc;

	SessionInserts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the new session unless its user already has an active one; the partial
	 * unique index {@code sessions_one_active_per_user} decides, so concurrent requests
	 * and several instances cannot both win.
	 * @return whether it was inserted
	 */
	boolean insertUnlessUserHasActive(Session session) {
		return this.jdbc
			.sql("""
					insert into sessions (id, user_id, status, callback, created_at, updated_at, expires_at, created_by, version)
					values (:id, :userId, :status, :callback, :createdAt, :createdAt, :expiresAt, :createdBy, :version)
					on conflict (user_id)
					    where status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED')
					    do nothing
					""")
			.param("id", session.getId())
			.param("userId", session.getUserId())
			.param("status", session.getStatus().name())
			.param("callback", session.getCallback())
			.param("createdAt", timestamp(session.getCreatedAt()))
			.param("expiresAt", timestamp(session.getExpiresAt()))
			.param("createdBy", session.getCreatedBy())
			.param("version", session.getVersion())
			.update() == 1;
	}

	/**
	 * Adds an entry to a session's history.
	 */
	void insert(SessionEvent event) {
		this.jdbc.sql("""
				insert into session_events (session_id, sequence, from_status, to_status, reason, actor, occurred_at)
				values (:sessionId, :sequence, :from, :to, :reason, :actor, :occurredAt)
				""")
			.param("sessionId", event.getSessionId())
			.param("sequence", event.getSequence())
			.param("from", name(event.getFrom()))
			.param("to", event.getTo().name())
			.param("reason", event.getReason())
			.param("actor", event.getActor())
			.param("occurredAt", timestamp(event.getOccurredAt()))
			.update();
	}

	private static @Nullable String name(@Nullable SessionStatus status) {
		return (status != null) ? status.name() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
