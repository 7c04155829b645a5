package com.ekyc.admin.callback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.ekyc.admin.session.SessionStatusChanged;
import com.ekyc.admin.web.RequestIds;

/**
 * Writes a delivery for every status change of a session that has a callback URL, inside
 * the change's own transaction: the change cannot commit without it, and it does not
 * exist if the change rolls back. Once the change has committed, the dispatcher is woken
 * up ({@link DeliveryDue}).
 */
@Component
class CallbackOutbox {

	static final String EVENT_TYPE = "ekyc.session.status_changed";

	private final CallbackDeliveryRepository deliveries;

	private final ApplicationEventPublisher events;

	private final JsonMapper jsonMapper;

	CallbackOutbox(CallbackDeliveryRepository deliveries, ApplicationEventPublisher events, JsonMapper jsonMapper) {
		this.deliveries = deliveries;
		this.events = events;
		this.jsonMapper = jsonMapper;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void record(SessionStatusChanged change) {
		if (change.callback() == null) {
			return;
		}
		this.deliveries.save(new CallbackDelivery(UUID.randomUUID(), change.sessionId(), change.sequence(),
				change.callback(), payload(change), change.occurredAt(), RequestIds.current()));
		this.events.publishEvent(new DeliveryDue());
	}

	/**
	 * The body every attempt of the delivery sends, fixed when the change happens.
	 */
	private String payload(SessionStatusChanged change) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sessionId", change.sessionId());
		data.put("userId", change.userId());
		data.put("status", change.status());
		data.put("previousStatus", change.previousStatus());
		data.put("reason", change.reason());
		data.put("sequence", change.sequence());
		data.put("occurredAt", change.occurredAt());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", EVENT_TYPE);
		body.put("timestamp", change.occurredAt());
		body.put("data", data);
		return this.jsonMapper.writeValueAsString(body);
	}

}
