package com.ekyc.admin.callback.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.callback.CallbackDelivery;
import com.ekyc.admin.callback.DeliveryStatus;
import com.ekyc.admin.database.OffsetPage;

/**
 * One delivery of the log.
 */
@Schema(name = "CallbackDelivery", description = "One status change on its way to the session's callback URL")
record DeliveryResponse(UUID id, @Schema(example = "4") int sequence,
		@Schema(example = "https://client.example/ekyc/callback", nullable = true,
				description = "null once the session is erased") @Nullable String url,
		@Schema(example = "PENDING") DeliveryStatus status, @Schema(example = "2") int attempts,
		@Schema(nullable = true, description = "null before the first attempt") @Nullable Instant lastAttemptAt,
		@Schema(example = "503", nullable = true) @Nullable Integer lastStatusCode,
		@Schema(example = "The receiver answered 503", nullable = true) @Nullable String lastError,
		@Schema(nullable = true,
				description = "When the next attempt is due; null once delivered or failed") @Nullable Instant nextAttemptAt,
		@Schema(nullable = true, description = "null until delivered") @Nullable Instant deliveredAt) {

	static DeliveryResponse of(CallbackDelivery delivery) {
		boolean pending = delivery.getStatus() == DeliveryStatus.PENDING;
		return new DeliveryResponse(delivery.getId(), delivery.getSequence(), delivery.getUrl(), delivery.getStatus(),
				delivery.getAttempts(), delivery.getLastAttemptAt(), delivery.getLastStatusCode(),
				delivery.getLastError(), pending ? delivery.getNextAttemptAt() : null, delivery.getDeliveredAt());
	}

	/**
	 * A page of a session's deliveries, in the order of its changes.
	 */
	@Schema(name = "CallbackDeliveries", description = "A page of a session's deliveries, in the order of its changes.")
	record Log(List<DeliveryResponse> items, @Schema(example = "0") int start, @Schema(example = "1024") int limit,
			@Schema(example = "1024", nullable = true,
					description = "The start of the next page, or null when nothing follows") @Nullable Integer nextStart) {

		static Log of(OffsetPage<CallbackDelivery> page) {
			return new Log(page.items().stream().map(DeliveryResponse::of).toList(), page.start(), page.limit(),
					page.nextStart());
		}

	}

}
