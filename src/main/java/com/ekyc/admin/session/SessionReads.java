package com.ekyc.admin.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads the API answers most, each one SQL statement run as it is: no transaction and
 * no persistence context, which would cost more than the query itself. Sessions read here
 * are for answering; changes go through {@link SessionRepository}. Every list is in the
 * order of the indexes on {@code (created_at desc, id desc)}, newest first.
 */
@Repository
class SessionReads {

	private static final String COLUMNS = "id, user_id, status, callback, reason, created_at, updated_at, expires_at, "
			+ "completed_at, created_by, version";

	private static final RowMapper<Session> SESSION = SessionReads::session;

	private final JdbcClient jdbc;

	SessionReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user's newest session.
	 */
	Optional<Session> newestOf(String userId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sessions where user_id = ? order by created_at desc, id desc limit 1")
			.param(userId)
			.query(SESSION)
			.optional();
	}

	/**
	 * The user's session with this id.
	 */
	Optional<Session> find(String userId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from sessions where id = ? and user_id = ?")
			.param(id)
			.param(userId)
			.query(SESSION)
			.optional();
	}

	/**
	 * Up to {@code limit} of the user's sessions, from the {@code start}-th newest.
	 */
	List<Session> newestOfUser(String userId, long start, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sessions where user_id = ? order by created_at desc, id desc "
					+ "limit ? offset ?")
			.param(userId)
			.param(limit)
			.param(start)
			.query(SESSION)
			.list();
	}

	/**
	 * Up to {@code limit} sessions, from the {@code start}-th newest, of the given
	 * statuses or, if none is given, all.
	 */
	List<Session> newest(Collection<SessionStatus> statuses, long start, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sessions" + (statuses.isEmpty() ? "" : " where status in (:statuses)")
					+ " order by created_at desc, id desc limit :limit offset :start")
			.param("statuses", names(statuses))
			.param("limit", limit)
			.param("start", start)
			.query(SESSION)
			.list();
	}

	/**
	 * Up to {@code limit} sessions that come after the one created at {@code createdAt}
	 * with id {@code id}, of the given statuses or, if none is given, all: found by the
	 * index, as fast deep in the list as at its top.
	 */
	List<Session> newestAfter(Collection<SessionStatus> statuses, Instant createdAt, UUID id, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sessions where (created_at, id) < (:createdAt, :id)"
					+ (statuses.isEmpty() ? "" : " and status in (:statuses)")
					+ " order by created_at desc, id desc limit :limit")
			.param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
			.param("id", id)
			.param("statuses", names(statuses))
			.param("limit", limit)
			.query(SESSION)
			.list();
	}

	private static List<String> names(Collection<SessionStatus> statuses) {
		return statuses.stream().map(Enum::name).toList();
	}

	private static Session session(ResultSet row, int rowNumber) throws SQLException {
		return Session.stored(row.getObject("id", UUID.class), row.getString("user_id"),
				SessionStatus.valueOf(row.getString("status")), row.getString("callback"), row.getString("reason"),
				instant(row, "created_at"), instant(row, "updated_at"), instant(row, "expires_at"),
				nullableInstant(row, "completed_at"), row.getString("created_by"), row.getLong("version"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Instant instant = nullableInstant(row, column);
		if (instant == null) {
			throw new SQLException("Column " + column + " is null");
		}
		return instant;
	}

	private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
