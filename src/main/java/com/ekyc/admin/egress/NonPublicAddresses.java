package com.ekyc.admin.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Knows which addresses a callback must never reach: loopback, private, link-local (cloud
 * metadata included), carrier-grade NAT, multicast, unspecified and the other
 * special-purpose ranges that are not globally reachable, in IPv4 and IPv6, including
 * IPv4 addresses carried inside IPv6 ones (mapped, compatible, NAT64, 6to4).
 */
final class NonPublicAddresses {

	private static final List<Range> IPV4 = List.of(range("0.0.0.0", 8, "unspecified"), range("10.0.0.0", 8, "private"),
			range("100.64.0.0", 10, "carrier-grade NAT"), range("127.0.0.0", 8, "loopback"),
			range("169.254.0.0", 16, "link-local"), range("172.16.0.0", 12, "private"),
			range("192.0.0.0", 24, "reserved"), range("192.0.2.0", 24, "documentation"),
			range("192.168.0.0", 16, "private"), range("198.18.0.0", 15, "benchmarking"),
			range("198.51.100.0", 24, "documentation"), range("203.0.113.0", 24, "documentation"),
			range("224.0.0.0", 4, "multicast"), range("240.0.0.0", 4, "reserved"));

	private static final List<Range> IPV6 = List.of(range("::", 128, "unspecified"), range("::1", 128, "loopback"),
			range("fc00::", 7, "private"), range("fe80::", 10, "link-local"), range("fec0::", 10, "site-local"),
			range("ff00::", 8, "multicast"), range("2001::", 23, "special-purpose"),
			range("2001:db8::", 32, "documentation"), range("3fff::", 20, "documentation"));

	// The only IPv6 block from which public unicast addresses are handed out.
	private static final Range IPV6_GLOBAL_UNICAST = range("2000::", 3, "global unicast");

	private NonPublicAddresses() {
	}

	/**
	 * What kind of non-public address this is, or empty when it is a public one.
	 */
	public static Optional<String> classify(InetAddress address) {
		if (address instanceof Inet6Address ipv6) {
			Optional<InetAddress> embedded = embeddedIpv4(ipv6.getAddress());
			if (embedded.isPresent()) {
				return classify(embedded.get());
			}
		}
		List<Range> ranges = (address instanceof Inet4Address) ? IPV4 : IPV6;
		byte[] bytes = address.getAddress();
		Optional<String> kind = ranges.stream().filter((range) -> range.contains(bytes)).map(Range::kind).findFirst();
		if (kind.isEmpty() && address instanceof Inet6Address && !IPV6_GLOBAL_UNICAST.contains(bytes)) {
			return Optional.of("reserved");
		}
		return kind;
	}

	/**
	 * The IPv4 address inside an IPv4-mapped ({@code ::ffff:0:0/96}), NAT64
	 * ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}) address. The deprecated
	 * IPv4-compatible form ({@code ::a.b.c.d}) is left to the IPv6 rules, which refuse
	 * it.
	 */
	private static Optional<InetAddress> embeddedIpv4(byte[] bytes) {
		if (startsWith(bytes, new byte[10]) && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
			return Optional.of(ipv4(bytes, 12));
		}
		if (startsWith(bytes, new byte[] { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 })) {
			return Optional.of(ipv4(bytes, 12));
		}
		if (bytes[0] == 0x20 && bytes[1] == 0x02) {
			return Optional.of(ipv4(bytes, 2));
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4(byte[] bytes, int offset) {
		try {
			return InetAddress
				.getByAddress(new byte[] { bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3] });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
	}

	private static Range range(String network, int prefixLength, String kind) {
		try {
			return new Range(InetAddress.getByName(network).getAddress(), prefixLength, kind);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Not an address literal: " + network, ex);
		}
	}

	private record Range(byte[] network, int prefixLength, String kind) {

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int fullBytes = this.prefixLength / 8;
			for (int i = 0; i < fullBytes; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int remainingBits = this.prefixLength % 8;
			if (remainingBits == 0) {
				return true;
			}
			int mask = (0xff << (8 - remainingBits)) & 0xff;
			return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
		}

	}

	/**
	 * The kind with its article, as a sentence needs it: "a private", "an unspecified".
	 */
	static String withArticle(String kind) {
		return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
	}

}
