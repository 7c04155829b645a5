package com.ekyc.admin.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a record about to be written must name when its user was erased: the pseudonym of
 * the user's latest erasure, if the erasure came after the request (a read that waited in
 * memory while the erasure ran) or the id has no sessions (yet) again. A new registration
 * under an erased id is a new user, recorded under its id. Asked once per batch: the
 * erasures of the batch's users, which are almost always none.
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
		Map<String, List<Erasure>> erasures = erasuresOf(records);
		if (erasures.isEmpty()) {
			return records;
		}
		Set<String> withSessions = withSessions(records, erasures);
		List<AuditRecord> named = new ArrayList<>(records.size());
		for (AuditRecord record : records) {
			named.add(named(record, erasures.getOrDefault(record.userDigest(), List.of()), withSessions));
		}
		return named;
	}

	private static AuditRecord named(AuditRecord record, List<Erasure> erasures, Set<String> withSessions) {
		for (Erasure erasure : erasures) {
			if (!erasure.erasedAt().isBefore(record.occurredAt()) || !withSessions.contains(record.userId())) {
				return record.withUserId(erasure.pseudonym());
			}
		}
		return record;
	}

	// The whole-user erasures of the records' users, latest first.
	private Map<String, List<Erasure>> erasuresOf(List<AuditRecord> records) {
		String[] digests = records.stream()
			.filter((record) -> record.userId() != null)
			.map(AuditRecord::userDigest)
			.filter(Objects::nonNull)
			.distinct()
			.toArray(String[]::new);
		if (digests.length == 0) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select user_digest, pseudonym, erased_at from erasures
				where whole_user and user_digest = any(?) order by erased_at desc""")
			.param(digests)
			.query((row, rowNumber) -> new Erasure(row.getString("user_digest"), row.getString("pseudonym"),
					row.getObject("erased_at", OffsetDateTime.class).toInstant()))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Erasure::userDigest));
	}

	// Which of the ids of erased users have sessions again.
	private Set<String> withSessions(List<AuditRecord> records, Map<String, List<Erasure>> erasures) {
		String[] userIds = records.stream()
			.filter((record) -> record.userId() != null && erasures.containsKey(record.userDigest()))
			.map(AuditRecord::userId)
			.distinct()
			.toArray(String[]::new);
		return new HashSet<>(this.jdbc.sql("select distinct user_id from sessions where user_id = any(?)")
			.param(userIds)
			.query(String.class)
			.list());
	}

	private record Erasure(String userDigest, String pseudonym, Instant erasedAt) {
	}

}
