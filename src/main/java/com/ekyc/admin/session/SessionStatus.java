package com.ekyc.admin.session;

/**
 * Where a verification session stands. A terminal status is final: a user whose sessions
 * are all terminal may start a new one.
 */
public enum SessionStatus {

	CREATED, IN_PROGRESS, SUBMITTED, IN_REVIEW, RESUBMISSION_REQUESTED, APPROVED, REJECTED, EXPIRED, CANCELLED;

	public boolean isTerminal() {
		return switch (this) {
			case APPROVED, REJECTED, EXPIRED, CANCELLED -> true;
			default -> false;
		};
	}

}
