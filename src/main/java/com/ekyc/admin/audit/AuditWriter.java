package com.ekyc.admin.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

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

	// A record naming an erased user gets the user's pseudonym: a read that waited in
	// memory while the erasure ran, and any request about the erased id until the id has
	// sessions again (a new registration is a new user, recorded under its id).
	private static final String INSERT = """
			insert into audit_records (occurred_at, actor, issuer, operation, user_id, user_digest, session_id,
			    status, request_id)
			select r.occurred_at::timestamptz, r.actor, r.issuer, r.operation,
			    coalesce((select e.pseudonym from erasures e
			              where e.whole_user and e.user_digest = r.user_digest
			                and (e.erased_at >= r.occurred_at::timestamptz
			                     or not exists (select 1 from sessions s where s.user_id = r.user_id))
			              order by e.erased_at desc limit 1), r.user_id),
			    r.user_digest, r.session_id::uuid, r.status::smallint, r.request_id
			from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			        with ordinality as r(occurred_at, actor, issuer, operation, user_id, user_digest, session_id,
			            status, request_id, n)
			order by r.n""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final UserDigests digests;

	AuditWriter(JdbcTemplate jdbc, TransactionTemplate transactions, UserDigests digests) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.digests = digests;
	}

	/**
	 * Writes the records, in the given order, in the current transaction or in one of
	 * their own. A record naming a user without its digest gets the digest of that user
	 * id.
	 */
	void write(List<AuditRecord> records) {
		this.transactions.executeWithoutResult((status) -> {
			// A statement of its own: the insert's snapshot is taken once the lock is
			// held, so it sees every erasure that held the lock before.
			this.jdbc.queryForRowSet("select pg_advisory_xact_lock_shared(?)", WRITE_LOCK);
			this.jdbc.execute((Connection connection) -> {
				try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
					insert.setArray(1, column(connection, records, (record) -> record.occurredAt().toString()));
					insert.setArray(2, column(connection, records, AuditRecord::actor));
					insert.setArray(3, column(connection, records, AuditRecord::issuer));
					insert.setArray(4, column(connection, records, AuditRecord::operation));
					insert.setArray(5, column(connection, records, AuditRecord::userId));
					insert.setArray(6, column(connection, records, this::userDigest));
					insert.setArray(7, column(connection, records,
							(record) -> (record.sessionId() != null) ? record.sessionId().toString() : null));
					insert.setArray(8, column(connection, records, (record) -> String.valueOf(record.status())));
					insert.setArray(9, column(connection, records, AuditRecord::requestId));
					insert.executeUpdate();
				}
				return null;
			});
		});
	}

	/**
	 * Takes the exclusive side of the write lock until the current transaction ends:
	 * waits for every writer holding it to commit, and keeps new ones waiting.
	 */
	void excludeWriters() {
		this.jdbc.queryForRowSet("select pg_advisory_xact_lock(?)", WRITE_LOCK);
	}

	private @Nullable String userDigest(AuditRecord record) {
		if (record.userDigest() != null || record.userId() == null) {
			return record.userDigest();
		}
		return this.digests.of(record.userId());
	}

	private static Array column(Connection connection, List<AuditRecord> records,
			Function<AuditRecord, @Nullable String> field) throws SQLException {
		return connection.createArrayOf("text", records.stream().map(field).toArray());
	}

}
