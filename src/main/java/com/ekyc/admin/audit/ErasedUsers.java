package com.ekyc.admin.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a record about to be written must name when its user, or its session, was erased.
 * A request made before the erasure, or answered with what it erased (a read made while
 * the erasure had not committed), names its pseudonym, like the records the erasure
 * renamed. Any other request made after it names the erasure's second pseudonym, which
 * names nothing else, so that asking about an erased id and reading the trail does not
 * lead to its history; but a request made once the id was registered again (a new
 * session), or about one of the new sessions (their creation too), is the new user's,
 * recorded under the id. Asked once per batch: the erasures of the batch's users and
 * sessions, which are almost always none.
 */
@Repository
class ErasedUsers {

	private final JdbcClient jdbc;

	ErasedUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The records as they must be written, in the same order. Each must carry its user's
	 * digest. Called in the writing transaction before the records get their ids: it
	 * takes the shared side of {@link AuditWriter#WRITE_LOCK} until the transaction ends.
	 */
	List<AuditRecord> named(List<AuditRecord> records) {
		List<Erasure> erasures = erasuresOf(records);
		if (erasures.isEmpty()) {
			return records;
		}
		Map<UUID, Erasure> ofSessions = new HashMap<>();
		Map<String, List<Erasure>> ofUsers = new HashMap<>();
		for (Erasure erasure : erasures) {
			if (erasure.sessionId() != null) {
				ofSessions.put(erasure.sessionId(), erasure);
			}
			else {
				ofUsers.computeIfAbsent(erasure.userDigest(), (digest) -> new ArrayList<>()).add(erasure);
			}
		}
		Registered again = registeredAgain(records, ofUsers);
		List<AuditRecord> named = new ArrayList<>(records.size());
		for (AuditRecord record : records) {
			Erasure ofSession = (record.sessionId() != null) ? ofSessions.get(record.sessionId()) : null;
			if (ofSession != null && ofSession.userDigest().equals(record.userDigest())) {
				named.add(record.withUserId(ofSession.pseudonymFor(record)));
			}
			else {
				named.add(named(record, ofUsers.getOrDefault(record.userDigest(), List.of()), again));
			}
		}
		return named;
	}

	// erasures: the user's, latest first.
	private static AuditRecord named(AuditRecord record, List<Erasure> erasures, Registered again) {
		if (record.sessionId() != null && again.sessionIds().contains(record.sessionId())) {
			// About a session of the new user under the id (its creation, say).
			return record;
		}
		Erasure after = null;
		Erasure before = null;
		for (Erasure erasure : erasures) {
			if (erasure.erasedAt().isBefore(record.occurredAt())) {
				before = erasure;
				break;
			}
			after = erasure;
		}
		if (after != null) {
			// Made before an erasure: of the history that erasure erased, unless made
			// after an earlier one and answered without it (then a probe of that one).
			return record.withUserId(
					(before == null || readSomething(record)) ? after.pseudonym() : before.laterOrOnlyPseudonym());
		}
		if (before == null) {
			return record;
		}
		Instant first = again.firstSessions().get(record.userId());
		if (first != null && !first.isAfter(record.occurredAt())) {
			// A new user under the erased id, registered before the request.
			return record;
		}
		return record.withUserId(readSomething(record) ? before.pseudonym() : before.laterOrOnlyPseudonym());
	}

	// Answered with success: it read what was there, which an erasure not committed yet
	// still showed. A user's list answers 200 empty once the user is erased, so it tells
	// nothing: taken as having read nothing.
	private static boolean readSomething(AuditRecord record) {
		return record.status() >= 200 && record.status() < 300 && !"session.list".equals(record.operation());
	}

	// Takes the shared side of the write lock and reads, in the same call and after it
	// (V9), the whole-user erasures of the records' users and the erasures of their
	// sessions, latest first. Users are asked for by the first 64 bits of their digests:
	// an erasure of another user whose digest begins alike comes back too, and names no
	// record, as erasures are looked up by the whole digest.
	private List<Erasure> erasuresOf(List<AuditRecord> records) {
		List<AuditRecord> naming = records.stream()
			.filter((record) -> record.userId() != null && record.userDigest() != null)
			.toList();
		Long[] digestKeys = naming.stream().map(ErasedUsers::digestKey).distinct().toArray(Long[]::new);
		UUID[] sessionIds = naming.stream()
			.map(AuditRecord::sessionId)
			.filter(Objects::nonNull)
			.distinct()
			.toArray(UUID[]::new);
		return this.jdbc.sql("select * from audit_erasures_of(?, ?, ?)")
			.param(AuditWriter.WRITE_LOCK)
			.param(digestKeys)
			.param(sessionIds)
			.query((row, rowNumber) -> new Erasure(row.getString("erased_digest"), row.getString("erased_pseudonym"),
					row.getString("erased_later_pseudonym"),
					row.getObject("erased_at", OffsetDateTime.class).toInstant(),
					row.getObject("erased_session_id", UUID.class)))
			.list();
	}

	// As audit_digest_key (V9): the digest's first 16 hexadecimal digits as a signed
	// 64-bit number.
	private static long digestKey(AuditRecord record) {
		return Long.parseUnsignedLong(Objects.requireNonNull(record.userDigest()).substring(0, 16), 16);
	}

	// The ids of erased users registered again: when each got its first session since
	// (the erasure renamed every earlier one), and which of the records' sessions are
	// theirs.
	private Registered registeredAgain(List<AuditRecord> records, Map<String, List<Erasure>> erasures) {
		List<AuditRecord> ofErased = records.stream()
			.filter((record) -> record.userId() != null && erasures.containsKey(record.userDigest()))
			.toList();
		if (ofErased.isEmpty()) {
			return new Registered(Map.of(), Set.of());
		}
		String[] userIds = ofErased.stream().map(AuditRecord::userId).distinct().toArray(String[]::new);
		Map<String, Instant> first = new HashMap<>();
		this.jdbc.sql("select user_id, min(created_at) from sessions where user_id = any(?) group by user_id")
			.param(userIds)
			.query((row) -> {
				first.put(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant());
			});
		UUID[] sessionIds = ofErased.stream()
			.map(AuditRecord::sessionId)
			.filter(Objects::nonNull)
			.distinct()
			.toArray(UUID[]::new);
		Set<UUID> theirs = (sessionIds.length == 0) ? Set.of()
				: new HashSet<>(this.jdbc.sql("select id from sessions where id = any(?) and user_id = any(?)")
					.param(sessionIds)
					.param(userIds)
					.query(UUID.class)
					.list());
		return new Registered(first, theirs);
	}

	private record Registered(Map<String, Instant> firstSessions, Set<UUID> sessionIds) {
	}

	// Of a whole user when no session is named.
	private record Erasure(String userDigest, String pseudonym, @Nullable String laterPseudonym, Instant erasedAt,
			@Nullable UUID sessionId) {

		// Of a session: made before its erasure, or answered with what it erased (the
		// erasure not committed yet), a request goes with the history.
		String pseudonymFor(AuditRecord record) {
			return (!this.erasedAt.isBefore(record.occurredAt()) || readSomething(record)) ? this.pseudonym
					: laterOrOnlyPseudonym();
		}

		// Erasures made before there were second pseudonyms have one only.
		String laterOrOnlyPseudonym() {
			return (this.laterPseudonym != null) ? this.laterPseudonym : this.pseudonym;
		}

	}

}
