package com.ekyc.admin.session;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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
	 * Up to {@code limit} sessions that match the filter, from the {@code start}-th
	 * newest.
	 */
	List<Session> newest(SessionFilter filter, long start, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sessions where true" + conditions(filter)
					+ " order by created_at desc, id desc limit :limit offset :start")
			.paramSource(parameters(filter).addValue("limit", limit).addValue("start", start))
			.query(SESSION)
			.list();
	}

	/**
	 * Up to {@code limit} sessions that match the filter and come after the one created
	 * at {@code createdAt} with id {@code id}: found by the index, as fast deep in the
	 * list as at its top.
	 */
	List<Session> newestAfter(SessionFilter filter, Instant createdAt, UUID id, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sessions where (created_at, id) < (:createdAt, :id)" + conditions(filter)
					+ " order by created_at desc, id desc limit :limit")
			.paramSource(parameters(filter).addValue("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
				.addValue("id", id)
				.addValue("limit", limit))
			.query(SESSION)
			.list();
	}

	/**
	 * How many sessions there are in each status, and when the oldest active one was
	 * created: one statement over the counts the database keeps up to date, however many
	 * sessions there are.
	 */
	SessionStats stats() {
		Map<SessionStatus, Long> byStatus = new EnumMap<>(SessionStatus.class);
		for (SessionStatus status : SessionStatus.values()) {
			byStatus.put(status, 0L);
		}
		Instant oldestActive = this.jdbc.sql("""
				select array_agg(c.status) as statuses, array_agg(c.count) as counts,
				    (select min(created_at) from sessions where status in
				        ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED')) as oldest_active
				from (select status, sum(count) as count from session_status_counts group by status) c""")
			.query((row, rowNumber) -> {
				Array statuses = row.getArray("statuses");
				Array counts = row.getArray("counts");
				if (statuses != null && counts != null) {
					String[] names = (String[]) statuses.getArray();
					Object[] numbers = (Object[]) counts.getArray();
					for (int i = 0; i < names.length; i++) {
						byStatus.put(SessionStatus.valueOf(names[i]), ((Number) numbers[i]).longValue());
					}
				}
				return Optional.ofNullable(nullableInstant(row, "oldest_active"));
			})
			.single()
			.orElse(null);
		return new SessionStats(byStatus, oldestActive);
	}

	private static String conditions(SessionFilter filter) {
		return (filter.statuses().isEmpty() ? "" : " and status in (:statuses)")
				+ ((filter.createdFrom() != null) ? " and created_at >= :createdFrom" : "")
				+ ((filter.createdTo() != null) ? " and created_at < :createdTo" : "")
				+ ((filter.createdBy() != null) ? " and created_by = :createdBy" : "");
	}

	private static MapSqlParameterSource parameters(SessionFilter filter) {
		return new MapSqlParameterSource().addValue("statuses", names(filter.statuses()))
			.addValue("createdFrom", offset(filter.createdFrom()))
			.addValue("createdTo", offset(filter.createdTo()))
			.addValue("createdBy", filter.createdBy());
	}

	private static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
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
