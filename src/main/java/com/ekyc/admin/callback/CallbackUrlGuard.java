package com.ekyc.admin.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import com.ekyc.admin.session.CallbackUrlPolicy;

/**
 * Checks callback URLs: absolute {@code https} (or {@code http} when allowed), at most
 * 2,048 characters, no user-info, and a host that neither is nor resolves to a non-public
 * address unless private networks are allowed. A host that does not resolve now is
 * accepted: every delivery checks the address it connects to again.
 */
@Component
class CallbackUrlGuard implements CallbackUrlPolicy {

	static final int MAX_LENGTH = 2048;

	private final CallbackProperties properties;

	private final HostResolver resolver;

	CallbackUrlGuard(CallbackProperties properties, HostResolver resolver) {
		this.properties = properties;
		this.resolver = resolver;
		URI defaultUrl = properties.defaultUrl();
		if (defaultUrl != null) {
			try {
				check(defaultUrl.toString());
			}
			catch (InvalidCallbackUrlException ex) {
				throw new IllegalStateException(
						"ekyc.callbacks.default-url is not a valid callback URL: " + ex.getBody().getDetail(), ex);
			}
		}
	}

	@Override
	public Optional<URI> choose(@Nullable String requested) {
		return (requested != null) ? Optional.of(check(requested)) : Optional.ofNullable(this.properties.defaultUrl());
	}

	URI check(String url) {
		if (url.length() > MAX_LENGTH) {
			throw new InvalidCallbackUrlException("must be at most " + MAX_LENGTH + " characters");
		}
		URI uri = parse(url);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean allowed = scheme.equals("https") || (scheme.equals("http") && this.properties.allowHttp());
		if (!uri.isAbsolute() || !allowed) {
			throw new InvalidCallbackUrlException(this.properties.allowHttp() ? "must be an absolute http or https URL"
					: "must be an absolute https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidCallbackUrlException("must not contain user information");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw new InvalidCallbackUrlException("must have a valid host name or address");
		}
		if (uri.getPort() == 0 || uri.getPort() > 65535) {
			throw new InvalidCallbackUrlException("must have a port between 1 and 65535");
		}
		if (!this.properties.allowPrivateNetworks()) {
			checkPublic(host.toLowerCase(Locale.ROOT));
		}
		return uri;
	}

	private static URI parse(String url) {
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidCallbackUrlException("must be a valid URL");
		}
	}

	private void checkPublic(String host) {
		String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			throw notPublic("loopback");
		}
		for (InetAddress address : addressesOf(name)) {
			Optional<String> kind = NonPublicAddresses.classify(address);
			if (kind.isPresent()) {
				throw notPublic(kind.get());
			}
		}
	}

	private List<InetAddress> addressesOf(String host) {
		if (host.startsWith("[")) {
			return List.of(ipv6Literal(host));
		}
		try {
			Optional<byte[]> ipv4 = Ipv4Literals.parse(host);
			if (ipv4.isPresent()) {
				return List.of(InetAddress.getByAddress(ipv4.get()));
			}
			return this.resolver.resolve(host);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCallbackUrlException("must have a valid host name or address");
		}
		catch (UnknownHostException ex) {
			return List.of();
		}
	}

	private static InetAddress ipv6Literal(String host) {
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new InvalidCallbackUrlException("must have a valid host name or address");
		}
	}

	private static String article(String word) {
		return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
	}

	private static InvalidCallbackUrlException notPublic(String kind) {
		return new InvalidCallbackUrlException("host must not be or resolve to " + article(kind) + " " + kind
				+ " address; callbacks go to public addresses only");
	}

}
