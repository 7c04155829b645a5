package com.ekyc.admin.callback;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * The session has no such delivery ({@code 404}).
 */
class DeliveryNotFoundException extends ProblemException {

	DeliveryNotFoundException() {
		super(Problems.of(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found",
				"The session has no callback delivery with this id."));
	}

}
