package com.ekyc.admin.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.ekyc.admin.database.KeysetPage;

/**
 * The audit trail as the API answers it: searched newest first (by id, the order records
 * were written in), one statement per page, paged by position.
 */
@Service
public class AuditSearch {

	private final JdbcClient jdbc;

	private final AuditVerifier verifier;

	AuditSearch(JdbcClient jdbc, AuditVerifier verifier) {
		this.jdbc = jdbc;
		this.verifier = verifier;
	}

	/**
	 * Up to {@code limit} records that match the filter, newest first, starting after the
	 * record with id {@code beforeId} (or at the newest when {@code null}).
	 */
	public KeysetPage<AuditRecord> search(AuditFilter filter, @Nullable Long beforeId, int limit) {
		StringBuilder sql = new StringBuilder(
				"select " + StoredRecords.COLUMNS + " from " + StoredRecords.FROM + " where true");
		List<Object> values = new ArrayList<>();
		condition(sql, values, "r.user_id = ?", filter.userId());
		condition(sql, values, "r.actor = ?", filter.actor());
		condition(sql, values, "r.operation = ?", filter.operation());
		condition(sql, values, "r.occurred_at >= ?",
				(filter.from() != null) ? OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC) : null);
		condition(sql, values, "r.occurred_at < ?",
				(filter.to() != null) ? OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC) : null);
		condition(sql, values, "r.id < ?", beforeId);
		sql.append(" order by r.id desc limit ?");
		values.add(limit + 1);
		return KeysetPage.of(this.jdbc.sql(sql.toString()).params(values).query(StoredRecords.MAPPER).list(), limit);
	}

	private static void condition(StringBuilder sql, List<Object> values, String condition, @Nullable Object value) {
		if (value != null) {
			sql.append(" and ").append(condition);
			values.add(value);
		}
	}

	/**
	 * Recomputes the hash chain.
	 */
	public ChainVerification verify() {
		return this.verifier.verify();
	}

}
