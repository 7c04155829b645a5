package com.ekyc.admin.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.ekyc.admin.security.ApiOperation;
import com.ekyc.admin.security.AuthenticatedRequest;
import com.ekyc.admin.security.AuthenticatedRequestObserver;
import com.ekyc.admin.web.RequestIds;
import com.ekyc.admin.web.TextRules;

/**
 * Records every authenticated request for one of the API's operations: a change in the
 * transaction of the change itself ({@link #recordChange}), anything else (reads, and
 * changes that failed) once it is answered, through {@link PendingRecords}. Room is
 * reserved for every authenticated request and given back for those that name no
 * operation.
 */
@Component
public class AuditTrail implements AuthenticatedRequestObserver {

	/** The actor of what the service does on its own, such as retention. */
	public static final String SERVICE_ACTOR = "ekyc-admin";

	private static final String ATTRIBUTE = AuditTrail.class.getName() + ".request";

	private static final String USER_ERASE = "user.erase";

	// What a change answers when it succeeds: its record is written before the answer.
	private static final Map<String, Integer> CHANGE_ANSWERS = Map.of("session.create", 200, "session.status", 200,
			"callbacks.retry", 202, USER_ERASE, 200);

	private final PendingRecords pending;

	private final AuditWriter writer;

	private final UserDigests digests;

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	AuditTrail(PendingRecords pending, AuditWriter writer, UserDigests digests, JdbcClient jdbc,
			EntityManager entityManager, Clock clock) {
		this.pending = pending;
		this.jdbc = jdbc;
		this.writer = writer;
		this.digests = digests;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@Override
	public boolean admit(AuthenticatedRequest request) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null || !this.pending.reserve()) {
			return false;
		}
		attributes.setAttribute(ATTRIBUTE, new Audited(request, now(), RequestIds.current()),
				RequestAttributes.SCOPE_REQUEST);
		return true;
	}

	@Override
	public void completed(AuthenticatedRequest request, @Nullable ApiOperation operation, int status) {
		Audited audited = current();
		if (audited == null) {
			return;
		}
		if (operation == null || audited.recordedWithChange) {
			this.pending.release();
			return;
		}
		String userId = operation.pathVariables().get("userId");
		if (userId != null && !isSuccessful(status) && !TextRules.isUserId(userId)) {
			// Refused before or by validation: nothing about a user was read, and the id
			// may not fit. (A successful answer means the controller took it as valid.)
			userId = null;
		}
		// The writer adds the user's digest, off the request's thread.
		this.pending.add(audited.record(operation.name(), userId, null,
				sessionId(operation.pathVariables().get("sessionId")), status));
	}

	/**
	 * Records the current request's change in the current transaction, as answered with
	 * success: the record commits with the change or not at all (and then the request is
	 * recorded as answered). Nothing is recorded for work no request asked for, nor for a
	 * change made on the way to an erasure, which records itself.
	 * @param userId the user the change is about
	 * @param sessionId the session it changed or created
	 */
	public void recordChange(String userId, @Nullable UUID sessionId) {
		Audited audited = current();
		ApiOperation operation = currentOperation();
		if (audited != null && operation != null && !operation.name().equals(USER_ERASE)) {
			record(audited, operation, userId, null, sessionId, null);
		}
	}

	/**
	 * Erases a user from the audit trail, in the current transaction: every record of the
	 * user names the pseudonym instead, the erasure is registered (records of reads still
	 * on their way get the pseudonym too, and verification can tell it from a tampered
	 * id) with its reason, and recorded as {@code user.erase}, by the current request or
	 * else by the service.
	 */
	public void eraseUser(String userId, String pseudonym, String reason) {
		// Last, as the lock keeps every writer waiting until the erasure commits.
		this.writer.excludeWriters();
		String digest = this.digests.of(userId);
		registerErasure(pseudonym, digest, null, reason);
		this.jdbc
			.sql("update audit_records r set user_id = ? where " + StoredRecords.ID_RANGE + " = any("
					+ StoredRecords.ID_RANGES + ") and r.user_id = ?")
			.param(pseudonym)
			.param(userId)
			.update();
		Audited audited = current();
		ApiOperation operation = currentOperation();
		if (audited != null && operation != null) {
			record(audited, operation, pseudonym, digest, null, userId);
			return;
		}
		this.writer.write(List.of(erasureByTheService(userId, pseudonym, digest, null)));
	}

	/**
	 * Erases one session of a user from the audit trail, in the current transaction: the
	 * records naming the session name the pseudonym instead, and so will those written
	 * after it (see {@link ErasedUsers}); the erasure is recorded as {@code user.erase}
	 * of the session by the service.
	 */
	public void eraseSession(String userId, UUID sessionId, String pseudonym, String reason) {
		// As for a user: a record of the session being written commits before the
		// erasure and is renamed, or is written after it and sees it.
		this.writer.excludeWriters();
		String digest = this.digests.of(userId);
		registerErasure(pseudonym, digest, sessionId, reason);
		this.jdbc
			.sql("update audit_records r set user_id = ? where r.session_id = ? and " + StoredRecords.ID_RANGE
					+ " = any(" + StoredRecords.ID_RANGES + ") and r.user_id = ?")
			.param(pseudonym)
			.param(sessionId)
			.param(userId)
			.update();
		this.writer.write(List.of(erasureByTheService(userId, pseudonym, digest, sessionId)));
	}

	// The record of an erasure no request asked for, of a user or one session, keeping no
	// copy of the erased id in its request id.
	private AuditRecord erasureByTheService(String userId, String pseudonym, String digest, @Nullable UUID sessionId) {
		return new AuditRecord(null, now(), SERVICE_ACTOR, null, USER_ERASE, pseudonym, digest, sessionId, 200,
				RequestIds.current(), null)
			.withoutInRequestId(userId);
	}

	// Of the whole user when no session is named; with a second pseudonym for requests
	// that name the erased id or session later (ErasedUsers).
	private void registerErasure(String pseudonym, String digest, @Nullable UUID sessionId, String reason) {
		this.jdbc
			.sql("""
					insert into erasures (pseudonym, later_pseudonym, user_digest, whole_user, session_id, reason, erased_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.param(pseudonym)
			.param(Pseudonyms.next())
			.param(digest)
			.param(sessionId == null)
			.param(sessionId)
			.param(reason)
			.param(OffsetDateTime.ofInstant(now(), ZoneOffset.UTC))
			.update();
	}

	// erasedUserId: the id an erasure's record (which names the pseudonym) must not keep
	// in its request id.
	private void record(Audited audited, ApiOperation operation, String userId, @Nullable String digest,
			@Nullable UUID sessionId, @Nullable String erasedUserId) {
		// The change's own writes go first: a writer holds the write lock only while it
		// commits, never while it waits for a row an erasure holds.
		this.entityManager.flush();
		int answer = CHANGE_ANSWERS.getOrDefault(operation.name(), 200);
		this.writer.write(List
			.of(audited.record(operation.name(), userId, digest, sessionId, answer).withoutInRequestId(erasedUserId)));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				audited.recordedWithChange = (status == STATUS_COMMITTED);
			}
		});
	}

	private static boolean isSuccessful(int status) {
		return status >= 200 && status < 300;
	}

	// A session id as the API takes it (canonical form), else none: the request was
	// refused and named no session.
	private static @Nullable UUID sessionId(@Nullable String text) {
		if (text == null || text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable ApiOperation currentOperation() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? ApiOperation.of(attributes.getRequest()).orElse(null) : null;
	}

	private @Nullable Audited current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null) ? (Audited) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
				: null;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * A request being recorded.
	 */
	private static final class Audited {

		private final AuthenticatedRequest request;

		private final Instant occurredAt;

		private final @Nullable String requestId;

		private volatile boolean recordedWithChange;

		Audited(AuthenticatedRequest request, Instant occurredAt, @Nullable String requestId) {
			this.request = request;
			this.occurredAt = occurredAt;
			this.requestId = requestId;
		}

		AuditRecord record(String operation, @Nullable String userId, @Nullable String digest, @Nullable UUID sessionId,
				int status) {
			return new AuditRecord(null, this.occurredAt, this.request.actor(), this.request.issuer(), operation,
					userId, digest, sessionId, status, this.requestId, null);
		}

	}

}
