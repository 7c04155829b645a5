package com.ekyc.admin.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;

import com.ekyc.admin.session.SessionService;
import com.ekyc.admin.session.SessionStatus;

/**
 * Test data through the domain: a session is started and moved, by allowed moves only, to
 * the status a test needs, as callers would move it
 * ({@code aSession().inStatus(APPROVED)}).
 */
public final class SessionBuilder {

	private static final String ACTOR = "test-data";

	private final SessionService sessions;

	private String userId = "user-" + UUID.randomUUID();

	private SessionStatus status = SessionStatus.CREATED;

	SessionBuilder(SessionService sessions) {
		this.sessions = sessions;
	}

	public SessionBuilder forUser(String userId) {
		this.userId = userId;
		return this;
	}

	public SessionBuilder inStatus(SessionStatus status) {
		this.status = status;
		return this;
	}

	/**
	 * Starts the session and makes the moves; answers its id.
	 */
	public String create() {
		UUID id = this.sessions.create(this.userId, null, ACTOR, null).session().getId();
		for (SessionStatus next : movesTo(this.status)) {
			this.sessions.changeStatus(this.userId, id, next, null, ACTOR, null);
		}
		return id.toString();
	}

	/**
	 * Moves an existing session of the user, still in {@code CREATED}, to the status.
	 */
	public void moveExisting(String sessionId) {
		for (SessionStatus next : movesTo(this.status)) {
			this.sessions.changeStatus(this.userId, UUID.fromString(sessionId), next, null, ACTOR, null);
		}
	}

	/**
	 * The shortest way from {@code CREATED} to the status through the table of allowed
	 * moves.
	 */
	static List<SessionStatus> movesTo(SessionStatus target) {
		Map<SessionStatus, SessionStatus> reachedFrom = new EnumMap<>(SessionStatus.class);
		Queue<SessionStatus> next = new ArrayDeque<>(List.of(SessionStatus.CREATED));
		while (!next.isEmpty() && !reachedFrom.containsKey(target) && target != SessionStatus.CREATED) {
			SessionStatus from = next.remove();
			for (SessionStatus to : from.allowedMoves()) {
				if (to != SessionStatus.CREATED && reachedFrom.putIfAbsent(to, from) == null) {
					next.add(to);
				}
			}
		}
		if (target != SessionStatus.CREATED && !reachedFrom.containsKey(target)) {
			throw new IllegalArgumentException(target + " is set only by the service, not reached by moves");
		}
		List<SessionStatus> moves = new ArrayList<>();
		for (SessionStatus at = target; at != SessionStatus.CREATED; at = reachedFrom.get(at)) {
			moves.add(at);
		}
		Collections.reverse(moves);
		return moves;
	}

}
