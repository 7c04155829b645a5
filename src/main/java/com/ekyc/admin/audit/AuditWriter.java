package com.ekyc.admin.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit records. Every writing transaction holds the shared side of
 * {@link #WRITE_LOCK} from before its records get their ids until it ends. The sealer,
 * taking the exclusive side for a moment, so learns an id below which every record is
 * committed (or never will be): the chain is sealed in id order and no record can appear
 * behind it later. An erasure takes the exclusive side until it commits, so that every
 * record naming the user is either committed before it (and renamed by it) or written
 * after it (and sees it).
 */
@Repository
class AuditWriter {

	/** The advisory lock writers share and the sealer and an erasure take alone. */
	static final long WRITE_LOCK = 0x656b79634175_01L;

	// In the order of CopyText's fields.
	private static final String COLUMNS = "occurred_at, actor, issuer, operation, user_id, user_digest, session_id, "
			+ "status, request_id";

	// A batch by COPY: PostgreSQL writes the rows page by page, with one log record a
	// page.
	private static final String COPY = "copy audit_records (" + COLUMNS + ") from stdin";

	// One record (a change's, in the change's transaction, or a read that came alone) by
	// one call (V9): one round trip instead of three, and no bulk loading to set up.
	private static final String INSERT_UNLESS_ERASED = "select audit_insert_unless_erased(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final UserDigests digests;

	private final ErasedUsers erasedUsers;

	AuditWriter(JdbcTemplate jdbc, TransactionTemplate transactions, UserDigests digests, ErasedUsers erasedUsers) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.digests = digests;
		this.erasedUsers = erasedUsers;
	}

	/**
	 * Writes the records, in the given order, in the current transaction or in one of
	 * their own. A record naming a user without its digest gets the digest of that user
	 * id, and keeps no copy of the id in its request id; a record naming an erased user
	 * gets its pseudonym ({@link ErasedUsers}).
	 */
	void write(List<AuditRecord> records) {
		List<AuditRecord> digested = records.stream()
			.map(this::withDigest)
			.map(AuditRecord::withoutUserIdInRequestId)
			.toList();
		this.transactions.executeWithoutResult((status) -> {
			if (digested.size() == 1 && insertUnlessErased(digested.get(0))) {
				return;
			}
			// Takes the shared side of the lock, then sees every erasure that held it
			// before; none can begin until this transaction ends.
			copy(this.erasedUsers.named(digested));
		});
	}

	/**
	 * Takes the exclusive side of the write lock until the current transaction ends:
	 * waits for every writer holding it to commit, and keeps new ones waiting.
	 */
	void excludeWriters() {
		// A plain extractor: a cached row set, made at every call, loads its resource
		// bundle and makes warnings with stack traces, for a row that holds nothing.
		this.jdbc.query("select pg_advisory_xact_lock(?)", ResultSet::next, WRITE_LOCK);
	}

	// The common case of a change's record (and of a read that came alone) in one round
	// trip: the lock, the look for erasures and the insert (V9). False when an erasure
	// names its user or session: nothing was written.
	private boolean insertUnlessErased(AuditRecord record) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(INSERT_UNLESS_ERASED, Boolean.class, WRITE_LOCK,
				OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.actor(), record.issuer(),
				record.operation(), record.userId(), record.userDigest(), record.sessionId(), record.status(),
				record.requestId()));
	}

	private void copy(List<AuditRecord> records) {
		byte[] rows = CopyText.rows(records);
		this.jdbc.execute((Connection connection) -> {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			try {
				copy.writeToCopy(rows, 0, rows.length);
				return copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		});
	}

	private AuditRecord withDigest(AuditRecord record) {
		if (record.userDigest() != null || record.userId() == null) {
			return record;
		}
		return record.withUserDigest(this.digests.of(record.userId()));
	}

}
