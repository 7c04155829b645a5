package com.ekyc.admin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

/**
 * Audit records as the tables hold them: the record ({@code r}) and its seal ({@code s}).
 */
final class StoredRecords {

	private static final String RECORD = "r.id, r.occurred_at, r.actor, r.issuer, r.operation, r.user_id, "
			+ "r.user_digest, r.session_id, r.status, r.request_id";

	/**
	 * The columns of a record and its hash (hexadecimal), {@code null} until sealed: the
	 * record's slot in the seal run ({@code s}) that covers its id.
	 */
	static final String COLUMNS = RECORD + ", nullif(encode(substring(s.hashes from ((r.id - s.first_id) * "
			+ SealRuns.HASH_BYTES + " + 1)::integer for " + SealRuns.HASH_BYTES + "), 'hex'), '" + AuditChain.START
			+ "') as hash";

	/**
	 * The columns of a record, without looking up its hash: {@code null} in its place.
	 */
	static final String COLUMNS_WITHOUT_HASH = RECORD + ", null as hash";

	/**
	 * The seal run that covers a record {@code r}: the run that starts last at or before
	 * the record, if it reaches the record (a scan of the primary key that stops at one
	 * row).
	 */
	static final String SEAL_RUN = """
			left join lateral (
			    select run.first_id, run.last_id, run.hashes from audit_seal_runs run
			    where run.first_id <= r.id order by run.first_id desc limit 1) s on s.last_id >= r.id""";

	/**
	 * Records with the seal runs that cover them.
	 */
	static final String FROM = "audit_records r " + SEAL_RUN;

	// The bits of an id below its range: 2^18 ids a range, as V11's index has it.
	private static final int ID_RANGE_BITS = 18;

	/**
	 * A record's id range: the leading column of the index by user (V11), which holds the
	 * records of each range of ids apart, so that new records go into the newest range's
	 * part of the index only. Written as the index has it, for the planner to match.
	 */
	static final String ID_RANGE = "(r.id >> " + ID_RANGE_BITS + ")";

	/**
	 * The id range of a record id given as the statement's parameter.
	 */
	static final String ID_RANGE_OF_PARAMETER = "(?::bigint >> " + ID_RANGE_BITS + ")";

	/**
	 * The newest id range that holds records (0 when there are none).
	 */
	static final String NEWEST_ID_RANGE = "((select coalesce(max(id), 0) from audit_records) >> " + ID_RANGE_BITS + ")";

	/**
	 * Every id range up to the newest, as an array: {@code ID_RANGE = any(ID_RANGES)}
	 * with a user makes one descent of the index by user per range.
	 */
	static final String ID_RANGES = "array(select generate_series(0, " + NEWEST_ID_RANGE + "))";

	static final RowMapper<AuditRecord> MAPPER = StoredRecords::record;

	private StoredRecords() {
	}

	private static AuditRecord record(ResultSet row, int rowNumber) throws SQLException {
		return new AuditRecord(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				row.getString("actor"), row.getString("issuer"), row.getString("operation"), row.getString("user_id"),
				row.getString("user_digest"), row.getObject("session_id", UUID.class), row.getInt("status"),
				row.getString("request_id"), row.getString("hash"));
	}

}
