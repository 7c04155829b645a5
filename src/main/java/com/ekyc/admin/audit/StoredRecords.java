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

	/** The columns of a record and its hash, {@code null} until sealed. */
	static final String COLUMNS = RECORD + ", s.hash";

	/** The columns of a record known to be unsealed: no seal to look up. */
	static final String UNSEALED_COLUMNS = RECORD + ", null as hash";

	/** Records with their seals. */
	static final String FROM = "audit_records r left join audit_seals s on s.id = r.id";

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
