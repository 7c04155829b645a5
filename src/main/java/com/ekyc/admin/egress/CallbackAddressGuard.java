package com.ekyc.admin.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The rules for where callbacks may go. A callback URL is absolute {@code https} (or
 * {@code http} when allowed), at most 2,048 characters, without user-info, and its host
 * neither is nor resolves to a non-public address unless private networks are allowed. A
 * host that does not resolve now is accepted: every connection is checked again by
 * {@link #dnsResolver()}, against the addresses it actually connects to.
 */
public final class CallbackAddressGuard {

	static final int MAX_LENGTH = 2048;

	private final boolean allowHttp;

	private final boolean allowPrivateNetworks;

	private final HostResolver resolver;

	public CallbackAddressGuard(boolean allowHttp, boolean allowPrivateNetworks, HostResolver resolver) {
		this.allowHttp = allowHttp;
		this.allowPrivateNetworks = allowPrivateNetworks;
		this.resolver = resolver;
	}

	/**
	 * Checks a callback URL against every rule.
	 * @param url the URL as the caller gave it
	 * @return the URL
	 * @throws com.ekyc.admin.web.ProblemException {@code 400} naming the {@code callback}
	 * field and the rule it breaks
	 */
	public URI check(String url) {
		if (url.length() > MAX_LENGTH) {
			throw new InvalidCallbackUrlException("must be at most " + MAX_LENGTH + " characters");
		}
		URI uri = parse(url);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean allowed = scheme.equals("https") || (scheme.equals("http") && this.allowHttp);
		if (!uri.isAbsolute() || !allowed) {
			throw new InvalidCallbackUrlException(
					this.allowHttp ? "must be an absolute http or https URL" : "must be an absolute https URL");
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
		if (!this.allowPrivateNetworks) {
			checkPublic(host.toLowerCase(Locale.ROOT));
		}
		return uri;
	}

	/**
	 * The resolver for the HTTP client that sends callbacks: it resolves a host once,
	 * refuses with a {@link RefusedAddressException} if any address is non-public, and
	 * hands the client exactly the addresses it checked.
	 */
	public DnsResolver dnsResolver() {
		return new PublicAddressResolver(this.resolver, this.allowPrivateNetworks);
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

	private static InvalidCallbackUrlException notPublic(String kind) {
		return new InvalidCallbackUrlException("host must not be or resolve to " + NonPublicAddresses.withArticle(kind)
				+ " address; callbacks go to public addresses only");
	}

	/**
	 * Resolves a host name to its addresses: the system resolver in production, a fixed
	 * table in tests of DNS answers that cannot be arranged for real.
	 */
	@FunctionalInterface
	public interface HostResolver {

		HostResolver SYSTEM = (host) -> List.of(InetAddress.getAllByName(host));

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

	/**
	 * A callback's host is or resolves to an address callbacks must not reach; its
	 * message says so in a sentence.
	 */
	public static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String host, String kind) {
			super(host + " resolves to " + NonPublicAddresses.withArticle(kind) + " address; not connecting");
		}

	}

}
