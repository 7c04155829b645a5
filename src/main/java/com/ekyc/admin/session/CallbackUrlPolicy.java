package com.ekyc.admin.session;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Decides the callback URL of a new session. Implemented by the callback feature, which
 * owns the address rules, so that sessions do not depend on it.
 */
public interface CallbackUrlPolicy {

	/**
	 * The callback URL a new session gets: the requested one once it passed every rule,
	 * or the configured default when none was requested.
	 * @param requested the URL the caller asked for, or {@code null}
	 * @return the URL, or empty when the session gets no callback
	 * @throws org.springframework.web.ErrorResponseException {@code 400} when the
	 * requested URL breaks a rule
	 */
	Optional<URI> choose(@Nullable String requested);

}
