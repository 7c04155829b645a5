package com.ekyc.admin.callback;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Only a failed delivery can be sent again ({@code 409}).
 */
public class DeliveryNotFailedException extends ErrorResponseException {

	DeliveryNotFailedException(DeliveryStatus status) {
		super(HttpStatus.CONFLICT, problem(status), null);
	}

	private static ProblemDetail problem(DeliveryStatus status) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The delivery is " + status + "; only a FAILED delivery can be sent again.");
		problem.setType(URI.create("urn:ekyc:problem:delivery-not-failed"));
		problem.setTitle("Delivery not failed");
		problem.setProperty("deliveryStatus", status);
		return problem;
	}

}
