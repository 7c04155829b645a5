package com.ekyc.admin.erasure;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ekyc.admin.audit.AuditTrail;
import com.ekyc.admin.audit.Pseudonyms;
import com.ekyc.admin.callback.CallbackErasure;
import com.ekyc.admin.session.SessionErasure;

/**
 * Erases a user in one transaction: one pseudonym replaces the user id on every session,
 * event and audit record of the user; callback URLs, reasons, callback payloads and
 * idempotency records of those sessions go, pending callbacks are dropped. Statuses,
 * timestamps and counts stay.
 */
@Service
public class UserErasure {

	private static final Logger logger = LoggerFactory.getLogger(UserErasure.class);

	private final SessionErasure sessions;

	private final CallbackErasure callbacks;

	private final AuditTrail audit;

	private final Clock clock;

	UserErasure(SessionErasure sessions, CallbackErasure callbacks, AuditTrail audit, Clock clock) {
		this.sessions = sessions;
		this.callbacks = callbacks;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Erases the user.
	 * @param reason why, as the erasure's record keeps it
	 * @param cancelActive whether an active session is cancelled first (else the erasure
	 * is refused while there is one)
	 * @param actor who asks
	 * @throws UserNotFoundException when the user has no session (none was ever made, or
	 * the user is erased already) or the id is a pseudonym
	 */
	@Transactional
	public Erasure erase(String userId, String reason, boolean cancelActive, String actor) {
		if (Pseudonyms.isPseudonym(userId)) {
			// A pseudonym names a user erased already, whom nothing identifies any more.
			throw new UserNotFoundException();
		}
		String pseudonym = Pseudonyms.next();
		SessionErasure.ErasedSessions erased = this.sessions.eraseUser(userId, pseudonym, cancelActive, actor);
		if (erased.ids().isEmpty()) {
			throw new UserNotFoundException();
		}
		this.callbacks.forget(erased.ids(), erased.cancelled(), pseudonym, userId);
		// The reason is kept as the erasure's record, but never with the id it erased.
		this.audit.eraseUser(userId, pseudonym, reason.replace(userId, pseudonym));
		Instant erasedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		// The pseudonym only: the log would otherwise keep what the database no longer
		// does.
		logger.info("Erased a user as {}: {} sessions", pseudonym, erased.ids().size());
		return new Erasure(userId, pseudonym, erased.ids().size(), erasedAt);
	}

	/**
	 * What an erasure did.
	 *
	 * @param userId the erased user id
	 * @param pseudonym what replaced it
	 * @param sessions how many sessions were erased
	 * @param erasedAt when
	 */
	public record Erasure(String userId, String pseudonym, int sessions, Instant erasedAt) {

	}

}
