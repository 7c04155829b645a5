package com.ekyc.admin.erasure;

import org.springframework.http.HttpStatus;

import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;

/**
 * Nothing is stored about the user: no session ({@code 404}); also what a second erasure
 * of the same user finds.
 */
public class UserNotFoundException extends ProblemException {

	UserNotFoundException() {
		super(Problems.of(HttpStatus.NOT_FOUND, "Nothing is stored about this user."));
	}

}
