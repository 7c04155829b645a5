package com.ekyc.admin.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The part of an erasure that concerns sessions: their user id becomes the pseudonym,
 * their callback URLs and reasons (and those of their history) and their idempotency
 * records go; statuses, timestamps and versions stay, so figures still count them. Runs
 * inside the erasure's transaction.
 */
@Service
public class SessionErasure {

	/** The reason of the cancel an erasure makes of an active session. */
	public static final String CANCEL_REASON = "user_erased";

	private final SessionService sessions;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	SessionErasure(SessionService sessions, JdbcClient jdbc, EntityManager entityManager) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
	}

	/**
	 * Erases the user's sessions, first cancelling the active one (an ordinary status
	 * change, with its callback) if asked to.
	 * @return what was erased; no sessions when the user has none
	 * @throws ActiveSessionExistsException when the user has an active session and
	 * {@code cancelActive} is false
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ErasedSessions eraseUser(String userId, String pseudonym, boolean cancelActive, String actor) {
		List<UUID> ids = this.jdbc.sql("select id from sessions where user_id = ? order by id for update")
			.param(userId)
			.query(UUID.class)
			.list();
		UUID active = this.sessions.activeSessionOf(userId);
		if (active != null) {
			if (!cancelActive) {
				throw ActiveSessionExistsException.beforeErasing(active);
			}
			this.sessions.changeStatus(userId, active, SessionStatus.CANCELLED, CANCEL_REASON, actor, null);
			// The cancel's changes are written now, so that the statements below
			// have the last word on every column.
			this.entityManager.flush();
		}
		if (!ids.isEmpty()) {
			UUID[] sessionIds = ids.toArray(UUID[]::new);
			this.jdbc.sql("update sessions set user_id = ?, callback = null, reason = null where id = any(?)")
				.param(pseudonym)
				.param(sessionIds)
				.update();
			forgetDetails(sessionIds);
		}
		return new ErasedSessions(ids, active);
	}

	/**
	 * Locks up to {@code limit} terminal sessions that ended before the cutoff and are
	 * not erased yet, skipping those another instance holds.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<EndedSession> lockEndedBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				select id, user_id from sessions
				where completed_at is not null and user_id not like 'erased-%' and completed_at < ?
				order by completed_at limit ? for update skip locked""")
			.param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.param(limit)
			.query((row, rowNumber) -> new EndedSession(row.getObject("id", UUID.class), row.getString("user_id")))
			.list();
	}

	/**
	 * Erases one session as {@link #eraseUser} erases all of a user's.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void eraseSession(UUID sessionId, String pseudonym) {
		this.jdbc.sql("update sessions set user_id = ?, callback = null, reason = null where id = ?")
			.param(pseudonym)
			.param(sessionId)
			.update();
		forgetDetails(new UUID[] { sessionId });
	}

	private void forgetDetails(UUID[] sessionIds) {
		this.jdbc.sql("update session_events set reason = null where session_id = any(?) and reason is not null")
			.param(sessionIds)
			.update();
		this.jdbc.sql("delete from idempotency_keys where session_id = any(?)").param(sessionIds).update();
	}

	/**
	 * A terminal session retention may erase.
	 *
	 * @param id its id
	 * @param userId its user
	 */
	public record EndedSession(UUID id, String userId) {

	}

	/**
	 * The sessions an erasure erased.
	 *
	 * @param ids their ids
	 * @param cancelled the one it cancelled first, if any
	 */
	public record ErasedSessions(List<UUID> ids, @Nullable UUID cancelled) {

	}

}
