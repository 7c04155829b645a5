package com.ekyc.admin.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Published inside the transaction of every status change after creation, so that
 * listeners (the callback outbox) write their part in the same transaction.
 *
 * @param sessionId the session
 * @param userId its user
 * @param callback its callback URL, or {@code null} when it has none
 * @param previousStatus the status before the change
 * @param status the status after it
 * @param reason why, when known
 * @param sequence the change's place in the session's history
 * @param occurredAt when it happened
 */
public record SessionStatusChanged(UUID sessionId, String userId, @Nullable String callback,
		SessionStatus previousStatus, SessionStatus status, @Nullable String reason, int sequence, Instant occurredAt) {

	static SessionStatusChanged of(Session session, SessionEvent event) {
		return new SessionStatusChanged(session.getId(), session.getUserId(), session.getCallback(),
				requireNonNull(event.getFrom()), event.getTo(), event.getReason(), event.getSequence(),
				event.getOccurredAt());
	}

	private static SessionStatus requireNonNull(@Nullable SessionStatus status) {
		if (status == null) {
			throw new IllegalArgumentException("A status change has a previous status");
		}
		return status;
	}

}
