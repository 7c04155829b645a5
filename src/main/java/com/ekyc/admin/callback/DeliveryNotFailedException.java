package com.ekyc.admin.callback;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * Only a failed delivery can be sent again ({@code 409}); the problem names the
 * delivery's status in {@code deliveryStatus}.
 */
class DeliveryNotFailedException extends ProblemException {

	DeliveryNotFailedException(DeliveryStatus status) {
		super(Problems.of(HttpStatus.CONFLICT, "delivery-not-failed", "Delivery not failed",
				"The delivery is " + status + "; only a FAILED delivery can be sent again.",
				Map.of("deliveryStatus", status)));
	}

}
