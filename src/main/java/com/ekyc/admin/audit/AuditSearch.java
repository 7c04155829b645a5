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
		StringBuilder conditions = new StringBuilder();
		List<Object> values = new ArrayList<>();
		condition(conditions, values, "r.user_id = ?", filter.userId());
		condition(conditions, values, "r.actor = ?", filter.actor());
		condition(conditions, values, "r.operation = ?", filter.operation());
		condition(conditions, values, "r.occurred_at >= ?",
				(filter.from() != null) ? OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC) : null);
		condition(conditions, values, "r.occurred_at < ?",
				(filter.to() != null) ? OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC) : null);
		condition(conditions, values, "r.id < ?", beforeId);
		if (filter.userId() == null) {
			values.add(limit + 1);
			return page("select " + StoredRecords.COLUMNS + " from " + StoredRecords.FROM + " where true" + conditions
					+ " order by r.id desc limit ?", values, limit);
		}
		List<Object> byUser = new ArrayList<>();
		if (beforeId != null) {
			byUser.add(beforeId - 1);
		}
		byUser.addAll(values);
		byUser.add(limit + 1);
		byUser.add(limit + 1);
		return page(byUser(conditions, beforeId != null), byUser, limit);
	}

	// A user's records, id range by id range from the newest (the index by user is led by
	// the range, V11): each range is one descent of the index, newest first, and the
	// ranges' order (their ordinality) lets the sort stop as soon as the page is full.
	// Parameters: the id below the cursor (when there is one), the conditions' values,
	// the rows wanted of a range and of all.
	private static String byUser(CharSequence conditions, boolean afterCursor) {
		// Not past the newest range: a cursor's id is anything up to 18 digits.
		String newest = afterCursor
				? "least(" + StoredRecords.ID_RANGE_OF_PARAMETER + ", " + StoredRecords.NEWEST_ID_RANGE + ")"
				: StoredRecords.NEWEST_ID_RANGE;
		return "select " + StoredRecords.COLUMNS + " from generate_series(" + newest
				+ ", 0, -1) with ordinality as ranges (id_range, position) cross join lateral (select r.* from"
				+ " audit_records r where " + StoredRecords.ID_RANGE + " = ranges.id_range" + conditions
				+ " order by r.id desc limit ?) r " + StoredRecords.SEAL_RUN
				+ " order by ranges.position, r.id desc limit ?";
	}

	private KeysetPage<AuditRecord> page(String sql, List<Object> values, int limit) {
		return KeysetPage.of(this.jdbc.sql(sql).params(values).query(StoredRecords.MAPPER).list(), limit);
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
