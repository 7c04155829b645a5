package com.ekyc.admin.security;

/**
 * Sees every authenticated request for one of the API's operations: before it is
 * authorized (so that requests refused for a missing permission are seen too) and once it
 * is answered.
 */
public interface AuthenticatedRequestObserver {

	/**
	 * Called before the request is authorized and handled.
	 * @return whether the request may go on; {@code false} answers it {@code 503}
	 */
	boolean admit(AuthenticatedRequest request);

	/**
	 * Called once the request is answered, whatever the outcome.
	 * @param status the HTTP status answered
	 */
	void completed(AuthenticatedRequest request, int status);

}
