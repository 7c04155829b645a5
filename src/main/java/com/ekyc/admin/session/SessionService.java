package com.ekyc.admin.session;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ekyc.admin.audit.AuditTrail;
import com.ekyc.admin.audit.Pseudonyms;
import com.ekyc.admin.database.KeysetPage;
import com.ekyc.admin.database.OffsetPage;
import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;
import com.ekyc.admin.web.Sha256;

/**
 * Creates verification sessions, changes their status (publishing
 * {@link SessionStatusChanged} inside the transaction of each change) and answers what
 * there is to know about them: changes in transactions, reads of one statement each
 * through {@link SessionReads}, without one.
 */
@Service
public class SessionService {

	private final SessionRepository sessions;

	private final SessionReads reads;

	private final SessionInserts inserts;

	private final SessionEventRepository events;

	private final IdempotencyRecordRepository idempotencyRecords;

	private final CallbackUrlPolicy callbackUrls;

	private final SessionProperties properties;

	private final ApplicationEventPublisher publisher;

	private final AuditTrail audit;

	private final Clock clock;

	SessionService(SessionRepository sessions, SessionReads reads, SessionInserts inserts,
			SessionEventRepository events, IdempotencyRecordRepository idempotencyRecords,
			CallbackUrlPolicy callbackUrls, SessionProperties properties, ApplicationEventPublisher publisher,
			AuditTrail audit, Clock clock) {
		this.audit = audit;
		this.sessions = sessions;
		this.reads = reads;
		this.inserts = inserts;
		this.events = events;
		this.idempotencyRecords = idempotencyRecords;
		this.callbackUrls = callbackUrls;
		this.properties = properties;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Starts a session for the user, unless the user has an active one. With an
	 * idempotency key, a request made before with that key in the same scope is answered
	 * with the session it created instead.
	 */
	@Transactional
	public SessionCreation create(String userId, @Nullable String requestedCallback, String actor,
			@Nullable IdempotencyKey idempotencyKey) {
		if (Pseudonyms.isPseudonym(userId)) {
			// Such ids name erased users: a new session would join their erased ones.
			throw new ProblemException(Problems.invalidField("userId",
					"must not begin with " + Pseudonyms.PREFIX + ", which names erased users"));
		}
		URI callback = this.callbackUrls.choose(requestedCallback).orElse(null);
		// Timestamps are kept to the millisecond so that what is answered equals what is
		// stored.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Session session = Session.start(userId, callback, actor, now, this.properties.ttl());
		if (idempotencyKey != null) {
			String fingerprint = fingerprint(userId, requestedCallback);
			Instant expiresAt = now.plus(this.properties.idempotencyWindow());
			if (this.idempotencyRecords.claim(idempotencyKey.scope(), idempotencyKey.value(), fingerprint,
					session.getId(), now, expiresAt) == 0) {
				return replay(new IdempotencyRecord.Key(idempotencyKey.scope(), idempotencyKey.value()), fingerprint);
			}
		}
		while (!this.inserts.insertUnlessUserHasActive(session)) {
			Optional<UUID> active = this.sessions.findActiveSessionId(userId);
			if (active.isPresent()) {
				throw ActiveSessionExistsException.beforeStarting(active.get());
			}
			// The active session ended between the two statements: the insert may now
			// succeed.
		}
		this.inserts.insert(session.creation());
		this.audit.recordChange(userId, session.getId());
		return new SessionCreation(session, false);
	}

	/**
	 * Moves the user's session to another status, as a caller asked. Asking for the
	 * status it already has changes nothing.
	 * @param expectedVersions the versions the caller's {@code If-Match} accepts, or
	 * {@code null} to change whatever the current version is
	 */
	@Transactional
	public Session changeStatus(String userId, UUID sessionId, SessionStatus next, @Nullable String reason,
			String actor, @Nullable Set<Long> expectedVersions) {
		Session session = this.sessions.findForUpdate(sessionId, userId).orElseThrow(SessionService::noSuchSession);
		if (expectedVersions != null && !expectedVersions.contains(session.getVersion())) {
			throw new SessionVersionMismatchException(session.getVersion());
		}
		if (session.getStatus() == next) {
			return session;
		}
		record(session, session.moveTo(next, reason, actor, now()));
		this.audit.recordChange(userId, sessionId);
		return session;
	}

	/**
	 * The user's active session, if there is one.
	 */
	@Nullable UUID activeSessionOf(String userId) {
		return this.sessions.findActiveSessionId(userId).orElse(null);
	}

	/**
	 * Expires up to {@code limit} sessions past their expiry, each with its history entry
	 * and callback, skipping sessions another instance is expiring.
	 * @return how many were expired
	 */
	@Transactional
	public int expireDue(int limit) {
		Instant now = now();
		List<Session> due = this.sessions.findExpiredForUpdate(now, limit);
		due.forEach((session) -> record(session, session.expire(now)));
		return due.size();
	}

	private void record(Session session, SessionEvent change) {
		this.inserts.insert(change);
		this.publisher.publishEvent(SessionStatusChanged.of(session, change));
	}

	/**
	 * A page of the session's history, oldest first.
	 */
	public OffsetPage<SessionEvent> historyOf(String userId, UUID sessionId, int start, int limit) {
		get(userId, sessionId);
		return OffsetPage.of(this.events.findPageOfSession(sessionId, start, limit + 1), start, limit);
	}

	private SessionCreation replay(IdempotencyRecord.Key key, String fingerprint) {
		IdempotencyRecord record = this.idempotencyRecords.findById(key).orElseThrow();
		if (!record.getFingerprint().equals(fingerprint)) {
			throw new IdempotencyKeyReusedException();
		}
		return new SessionCreation(this.sessions.findById(record.getSessionId()).orElseThrow(), true);
	}

	/**
	 * A page of the sessions that match the filter, newest first.
	 */
	public OffsetPage<Session> list(SessionFilter filter, int start, int limit) {
		// One row more than asked tells whether another page follows.
		return OffsetPage.of(this.reads.newest(filter, start, limit + 1), start, limit);
	}

	/**
	 * The page of the sessions that match the filter, newest first, that follows the
	 * session created at {@code createdAt} with id {@code id}.
	 */
	public KeysetPage<Session> listAfter(SessionFilter filter, Instant createdAt, UUID id, int limit) {
		return KeysetPage.of(this.reads.newestAfter(filter, createdAt, id, limit + 1), limit);
	}

	/**
	 * How many sessions there are in each status, and the oldest active one's age.
	 */
	public SessionStats stats() {
		return this.reads.stats();
	}

	/**
	 * A page of the user's sessions, newest first; empty when the user has none.
	 */
	public OffsetPage<Session> sessionsOf(String userId, int start, int limit) {
		return OffsetPage.of(this.reads.newestOfUser(userId, start, limit + 1), start, limit);
	}

	/**
	 * The user's newest session, whose status is the user's status.
	 */
	public Session newestOf(String userId) {
		return this.reads.newestOf(userId).orElseThrow(() -> new SessionNotFoundException("The user has no session."));
	}

	/**
	 * One session of the user; a session of another user is not found.
	 */
	public Session get(String userId, UUID sessionId) {
		return this.reads.find(userId, sessionId).orElseThrow(SessionService::noSuchSession);
	}

	private static SessionNotFoundException noSuchSession() {
		return new SessionNotFoundException("The user has no session with this id.");
	}

	private Instant now() {
		// Timestamps are kept to the millisecond so that what is answered equals what is
		// stored.
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String fingerprint(String userId, @Nullable String requestedCallback) {
		return Sha256.hex(userId + '\n' + ((requestedCallback != null) ? "callback=" + requestedCallback : "none"));
	}

}
