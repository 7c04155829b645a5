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
 * lead to its history: always for an erased session, and for an erased user while the id
 * has no sessions again (a new registration under an erased id is a new user, recorded
 * under its id). Asked once per batch: the erasures of the batch's users and sessions,
 * which are almost always none.
 */
@Repository
class ErasedUsers {

	private final JdbcClient jdbc;

	ErasedUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The records as they must be written, in the same order. Each must carry its user's
	 * digest.
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
		Set<String> withSessions = withSessions(records, ofUsers);
		List<AuditRecord> named = new ArrayList<>(records.size());
		for (AuditRecord record : records) {
			Erasure ofSession = (record.sessionId() != null) ? ofSessions.get(record.sessionId()) : null;
			if (ofSession != null && ofSession.userDigest().equals(record.userDigest())) {
				named.add(record.withUserId(ofSession.pseudonymFor(record)));
			}
			else {
				named.add(named(record, ofUsers.getOrDefault(record.userDigest(), List.of()), withSessions));
			}
		}
		return named;
	}

	private static AuditRecord named(AuditRecord record, List<Erasure> erasures, Set<String> withSessions) {
		for (Erasure erasure : erasures) {
			if (!erasure.erasedAt().isBefore(record.occurredAt()) || !withSessions.contains(record.userId())) {
				return record.withUserId(erasure.pseudonymFor(record));
			}
		}
		return record;
	}

	// The whole-user erasures of the records' users and the erasures of their sessions,
	// latest first.
	private List<Erasure> erasuresOf(List<AuditRecord> records) {
		List<AuditRecord> naming = records.stream()
			.filter((record) -> record.userId() != null && record.userDigest() != null)
			.toList();
		if (naming.isEmpty()) {
			return List.of();
		}
		String[] digests = naming.stream().map(AuditRecord::userDigest).distinct().toArray(String[]::new);
		UUID[] sessionIds = naming.stream()
			.map(AuditRecord::sessionId)
			.filter(Objects::nonNull)
			.distinct()
			.toArray(UUID[]::new);
		return this.jdbc.sql("""
				select user_digest, pseudonym, later_pseudonym, erased_at, session_id from erasures
				where (whole_user and user_digest = any(?)) or (not whole_user and session_id = any(?))
				order by erased_at desc""")
			.param(digests)
			.param(sessionIds)
			.query((row, rowNumber) -> new Erasure(row.getString("user_digest"), row.getString("pseudonym"),
					row.getString("later_pseudonym"), row.getObject("erased_at", OffsetDateTime.class).toInstant(),
					row.getObject("session_id", UUID.class)))
			.list();
	}

	// Which of the ids of erased users have sessions again.
	private Set<String> withSessions(List<AuditRecord> records, Map<String, List<Erasure>> erasures) {
		String[] userIds = records.stream()
			.filter((record) -> record.userId() != null && erasures.containsKey(record.userDigest()))
			.map(AuditRecord::userId)
			.distinct()
			.toArray(String[]::new);
		if (userIds.length == 0) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select distinct user_id from sessions where user_id = any(?)")
			.param(userIds)
			.query(String.class)
			.list());
	}

	// Of a whole user when no session is named.
	private record Erasure(String userDigest, String pseudonym, @Nullable String laterPseudonym, Instant erasedAt,
			@Nullable UUID sessionId) {

		// A request answered with success read what the erasure erased, though it came
		// while the erasure had not committed yet: it belongs with the history. Erasures
		// made before there were second pseudonyms have none.
		String pseudonymFor(AuditRecord record) {
			boolean readTheHistory = !this.erasedAt.isBefore(record.occurredAt())
					|| (record.status() >= 200 && record.status() < 300);
			return (this.laterPseudonym == null || readTheHistory) ? this.pseudonym : this.laterPseudonym;
		}

	}

}
