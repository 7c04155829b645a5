package com.ekyc.admin.security;

import org.jspecify.annotations.Nullable;

/**
 * Sees every authenticated request under {@code /ekyc/admin}: before it is authorized (so
 * that requests refused for a missing permission are seen too) and once it is answered.
 */
public interface AuthenticatedRequestObserver {

	/**
	 * Called before the request is authorized and handled.
	 * @return whether the request may go on; {@code false} answers it {@code 503}
	 */
	boolean admit(AuthenticatedRequest request);

	/**
	 * Called once the request is answered, whatever the outcome.
	 * @param operation the operation it asked for, {@code null} when it named none (an
	 * unknown path or method)
	 * @param status the HTTP status answered
	 */
	void completed(AuthenticatedRequest request, @Nullable ApiOperation operation, int status);

}
