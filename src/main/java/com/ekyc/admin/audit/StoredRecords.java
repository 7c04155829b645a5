package com.ekyc.admin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

/**
 * Audit records as the tables hold them.
 */
final class StoredRecords {

	static final String COLUMNS = "id, occurred_at, actor, issuer, operation, user_id, user_digest, session_id, status, "
			+ "request_id, hash";

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
