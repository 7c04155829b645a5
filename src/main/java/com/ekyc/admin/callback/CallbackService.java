package com.ekyc.admin.callback;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ekyc.admin.audit.AuditTrail;
import com.ekyc.admin.database.OffsetPage;
import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;
import com.ekyc.admin.session.SessionService;

/**
 * The delivery log of a session and the redelivery of failed deliveries.
 */
@Service
@Transactional(readOnly = true)
public class CallbackService {

	private final CallbackDeliveryRepository deliveries;

	private final SessionService sessions;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	CallbackService(CallbackDeliveryRepository deliveries, SessionService sessions, ApplicationEventPublisher events,
			AuditTrail audit, Clock clock) {
		this.audit = audit;
		this.deliveries = deliveries;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A page of the deliveries of the user's session, in the order of its changes.
	 */
	public OffsetPage<CallbackDelivery> deliveriesOf(String userId, UUID sessionId, int start, int limit) {
		this.sessions.get(userId, sessionId);
		return OffsetPage.of(this.deliveries.findPageOfSession(sessionId, start, limit + 1), start, limit);
	}

	/**
	 * Sends a failed delivery again at once, with a fresh round of the retry schedule.
	 */
	@Transactional
	public CallbackDelivery redeliver(String userId, UUID sessionId, UUID deliveryId) {
		this.sessions.get(userId, sessionId);
		CallbackDelivery delivery = this.deliveries.findByIdAndSessionId(deliveryId, sessionId)
			.orElseThrow(DeliveryNotFoundException::new);
		if (delivery.getUrl() == null) {
			throw new ProblemException(Problems.of(HttpStatus.CONFLICT, "delivery-erased", "Delivery erased",
					"The delivery's session was erased: there is nothing left to send."));
		}
		delivery.redeliver(this.clock.instant());
		this.audit.recordChange(userId, sessionId);
		this.events.publishEvent(new DeliveryDue());
		return delivery;
	}

}
