package com.ekyc.admin.callback.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.ekyc.admin.callback.CallbackService;
import com.ekyc.admin.web.PageQuery;
import com.ekyc.admin.web.UserId;

/**
 * A session's callback delivery log, and sending a failed delivery again. The answers
 * every operation shares are added by the OpenAPI customizers.
 */
@RestController
@RequestMapping(path = "/ekyc/admin/{userId}/sessions/{sessionId}/callbacks",
		produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Callbacks", description = "What was sent to a session's callback URL, and redelivery")
class CallbackDeliveryController {

	private final CallbackService callbacks;

	CallbackDeliveryController(CallbackService callbacks) {
		this.callbacks = callbacks;
	}

	@Operation(summary = "Retrieve the callback deliveries of a session", description = """
			One delivery per status change after creation, in the order of the changes: its status \
			(PENDING, DELIVERED, FAILED), attempts and last result; paged with `limit` and `start`.""")
	@ApiResponse(responseCode = "200", description = "The delivery log")
	@ApiResponse(responseCode = "404", description = "The user has no such session")
	@GetMapping
	DeliveryResponse.Log deliveries(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@PathVariable UUID sessionId, @ParameterObject PageQuery page) {
		return DeliveryResponse.Log
			.of(this.callbacks.deliveriesOf(userId, sessionId, page.startOrDefault(), page.limitOrDefault()));
	}

	@Operation(summary = "Send a failed callback delivery again", description = """
			Puts a FAILED delivery back to PENDING for an immediate attempt, with a fresh round of \
			the retry schedule.""")
	@ApiResponse(responseCode = "202", description = "The delivery is pending again")
	@ApiResponse(responseCode = "404", description = "The user has no such session or the session no such delivery")
	@ApiResponse(responseCode = "409", description = "The delivery has not failed; `deliveryStatus` says what it is")
	@PostMapping("/{deliveryId}/retry")
	ResponseEntity<DeliveryResponse> redeliver(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@PathVariable UUID sessionId, @PathVariable UUID deliveryId) {
		return ResponseEntity.accepted()
			.body(DeliveryResponse.of(this.callbacks.redeliver(userId, sessionId, deliveryId)));
	}

}
