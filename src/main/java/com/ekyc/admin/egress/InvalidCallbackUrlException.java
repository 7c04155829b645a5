package com.ekyc.admin.egress;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * A requested callback URL breaks one of the rules ({@code 400}); {@code errors} names
 * the {@code callback} field and the rule.
 */
class InvalidCallbackUrlException extends ProblemException {

	InvalidCallbackUrlException(String message) {
		super(Problems.invalidField("callback", message));
	}

}
