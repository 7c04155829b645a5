package com.ekyc.admin.callback;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import com.ekyc.admin.egress.CallbackAddressGuard;
import com.ekyc.admin.session.CallbackUrlPolicy;
import com.ekyc.admin.web.ProblemException;

/**
 * Decides the callback URL of a new session: the requested one once the address rules
 * passed it, else {@code ekyc.callbacks.default-url}, which is checked by the same rules
 * when the service starts.
 */
@Component
class CallbackUrls implements CallbackUrlPolicy {

	private final CallbackAddressGuard guard;

	private final @Nullable URI defaultUrl;

	CallbackUrls(CallbackAddressGuard guard, CallbackProperties properties) {
		this.guard = guard;
		this.defaultUrl = properties.defaultUrl();
		if (this.defaultUrl != null) {
			try {
				guard.check(this.defaultUrl.toString());
			}
			catch (ProblemException ex) {
				throw new IllegalStateException(
						"ekyc.callbacks.default-url is not a valid callback URL: " + ex.getBody().getDetail(), ex);
			}
		}
	}

	@Override
	public Optional<URI> choose(@Nullable String requested) {
		return (requested != null) ? Optional.of(this.guard.check(requested)) : Optional.ofNullable(this.defaultUrl);
	}

}
