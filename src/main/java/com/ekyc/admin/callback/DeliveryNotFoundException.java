package com.ekyc.admin.callback;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The session has no such delivery ({@code 404}).
 */
public class DeliveryNotFoundException extends ErrorResponseException {

	DeliveryNotFoundException() {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"The session has no callback delivery with this id.");
		problem.setType(URI.create("urn:ekyc:problem:delivery-not-found"));
		problem.setTitle("Delivery not found");
		return problem;
	}

}
