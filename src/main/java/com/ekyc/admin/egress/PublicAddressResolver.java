package com.ekyc.admin.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver for callbacks: it resolves the host once, refuses if any
 * address is non-public, and hands the client exactly the addresses it checked, so that
 * the connection goes to a checked address even when a DNS answer changes between check
 * and connect.
 */
class PublicAddressResolver implements DnsResolver {

	private final CallbackAddressGuard.HostResolver resolver;

	private final boolean allowPrivateNetworks;

	PublicAddressResolver(CallbackAddressGuard.HostResolver resolver, boolean allowPrivateNetworks) {
		this.resolver = resolver;
		this.allowPrivateNetworks = allowPrivateNetworks;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		List<InetAddress> addresses = this.resolver.resolve(host);
		if (!this.allowPrivateNetworks) {
			for (InetAddress address : addresses) {
				Optional<String> kind = NonPublicAddresses.classify(address);
				if (kind.isPresent()) {
					throw new CallbackAddressGuard.RefusedAddressException(host, kind.get());
				}
			}
		}
		return addresses.toArray(InetAddress[]::new);
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

}
