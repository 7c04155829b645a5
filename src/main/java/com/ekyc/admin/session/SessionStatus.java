package com.ekyc.admin.session;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a verification session stands, and the one table of the moves callers may make
 * between statuses. A terminal status is final: a user whose sessions are all terminal
 * may start a new one. {@link #EXPIRED} is never a caller's move: only the expiry sweep
 * sets it.
 */
public enum SessionStatus {

	CREATED, IN_PROGRESS, SUBMITTED, IN_REVIEW, RESUBMISSION_REQUESTED, APPROVED, REJECTED, EXPIRED, CANCELLED;

	private static final Map<SessionStatus, Set<SessionStatus>> MOVES = new EnumMap<>(SessionStatus.class);

	static {
		MOVES.put(CREATED, EnumSet.of(IN_PROGRESS, SUBMITTED, CANCELLED));
		MOVES.put(IN_PROGRESS, EnumSet.of(SUBMITTED, CANCELLED));
		MOVES.put(SUBMITTED, EnumSet.of(IN_REVIEW, APPROVED, REJECTED, RESUBMISSION_REQUESTED, CANCELLED));
		MOVES.put(IN_REVIEW, EnumSet.of(APPROVED, REJECTED, RESUBMISSION_REQUESTED, CANCELLED));
		MOVES.put(RESUBMISSION_REQUESTED, EnumSet.of(IN_PROGRESS, SUBMITTED, CANCELLED));
		for (SessionStatus terminal : EnumSet.of(APPROVED, REJECTED, EXPIRED, CANCELLED)) {
			MOVES.put(terminal, EnumSet.noneOf(SessionStatus.class));
		}
	}

	/**
	 * The statuses a caller may move a session in this status to; empty for terminal
	 * ones.
	 */
	public Set<SessionStatus> allowedMoves() {
		return Collections.unmodifiableSet(MOVES.get(this));
	}

	public boolean canMoveTo(SessionStatus next) {
		return MOVES.get(this).contains(next);
	}

	public boolean isTerminal() {
		return MOVES.get(this).isEmpty();
	}

	/**
	 * Whether a session in this status expires once past its {@code expiresAt}: only
	 * while the user still has to act.
	 */
	public boolean canExpire() {
		return this == CREATED || this == IN_PROGRESS || this == RESUBMISSION_REQUESTED;
	}

}
