package com.ekyc.admin.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.hibernate.TransactionException;

/**
 * Tells, from an exception's causes, whether the database could not do the work for a
 * reason that is neither the caller's nor a bug: it is unreachable or restarting, or a
 * statement ran past {@code ekyc.database.statement-timeout}.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Why the database could not serve, if that is what the exception says.
	 */
	public static Optional<Kind> classify(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				// The pool gave no connection in time: the database is not answering.
				return Optional.of(Kind.UNAVAILABLE);
			}
			if (cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
				// The connection failed to commit or roll back: after the error that
				// broke it,
				// which a failed rollback hides, the pool has closed it.
				return Optional.of(Kind.UNAVAILABLE);
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				Optional<Kind> kind = bySqlState(sql.getSQLState());
				if (kind.isPresent()) {
					return kind;
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<Kind> bySqlState(String state) {
		if (state.equals("57014")) {
			// query_canceled: the statement timeout (nothing else cancels our
			// statements).
			return Optional.of(Kind.TIMED_OUT);
		}
		// connection_exception, admin_shutdown, crash_shutdown, cannot_connect_now,
		// too_many_connections.
		if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
			return Optional.of(Kind.UNAVAILABLE);
		}
		return Optional.empty();
	}

	/**
	 * Why the database could not serve.
	 */
	public enum Kind {

		/** Unreachable, restarting or out of connections. */
		UNAVAILABLE,

		/** A statement ran past the statement timeout and was cancelled. */
		TIMED_OUT

	}

}
