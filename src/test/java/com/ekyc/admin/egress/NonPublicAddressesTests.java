package com.ekyc.admin.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NonPublicAddressesTests {

	@ParameterizedTest
	@CsvSource({ "0.0.0.0, unspecified", "0.255.255.255, unspecified", "10.0.0.0, private", "10.255.255.255, private",
			"100.64.0.0, carrier-grade NAT", "100.127.255.255, carrier-grade NAT", "127.0.0.1, loopback",
			"127.255.255.255, loopback", "169.254.0.0, link-local", "169.254.169.254, link-local",
			"169.254.255.255, link-local", "172.16.0.0, private", "172.31.255.255, private", "192.0.0.0, reserved",
			"192.0.0.255, reserved", "192.0.2.1, documentation", "192.168.0.0, private", "192.168.255.255, private",
			"198.18.0.0, benchmarking", "198.19.255.255, benchmarking", "198.51.100.7, documentation",
			"203.0.113.7, documentation", "224.0.0.0, multicast", "239.255.255.255, multicast", "240.0.0.0, reserved",
			"255.255.255.255, reserved" })
	void classifiesNonPublicIpv4Ranges(String address, String kind) {
		assertThat(NonPublicAddresses.classify(address(address))).contains(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0.0.0", "8.8.8.8", "9.255.255.255", "11.0.0.0", "93.184.216.34", "100.63.255.255",
			"100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255",
			"172.32.0.0", "192.0.1.0", "192.0.3.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0",
			"223.255.255.255" })
	void findsPublicIpv4AddressesPublic(String address) {
		assertThat(NonPublicAddresses.classify(address(address))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "::, unspecified", "::1, loopback", "fe80::, link-local", "fe80::1, link-local",
			"febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, link-local", "fc00::, private", "fc00::1, private",
			"fd00::1, private", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, private", "fec0::1, site-local",
			"feff::1, site-local", "ff00::, multicast", "ff02::1, multicast", "ffff:ffff::1, multicast",
			"100::, reserved", "100::ffff:ffff:ffff:ffff, reserved", "64:ff9b:1::, reserved",
			"64:ff9b:1:ffff::1, reserved", "2001::, special-purpose", "2001:0:ffff::1, special-purpose",
			"2001:2::1, special-purpose", "2001:10::1, special-purpose", "3fff::1, documentation", "5f00::1, reserved",
			"2001:db8::, documentation", "2001:db8:ffff::1, documentation" })
	void classifiesNonPublicIpv6Ranges(String address, String kind) {
		assertThat(NonPublicAddresses.classify(ipv6(address))).contains(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2606:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::200e", "2001:db9::1",
			"2001:db7::1", "2003::1", "2c0f:fb50::1" })
	void findsPublicIpv6AddressesPublic(String address) {
		assertThat(NonPublicAddresses.classify(ipv6(address))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "::7f00:1", "::a00:1", "::808:808", "::0.0.0.2", "1::1", "fbff::1", "::ffff:0:7f00:1" })
	void refusesIpv6OutsideGlobalUnicastAsReserved(String address) {
		assertThat(NonPublicAddresses.classify(ipv6(address))).contains("reserved");
	}

	@ParameterizedTest
	@CsvSource({ "::ffff:7f00:1, loopback", "::ffff:a00:1, private", "::ffff:a9fe:a9fe, link-local",
			"::ffff:6440:1, carrier-grade NAT", "::ffff:0:0, unspecified", "::ffff:e000:1, multicast",
			"64:ff9b::7f00:1, loopback", "64:ff9b::a00:1, private", "64:ff9b::a9fe:a9fe, link-local",
			"64:ff9b::6440:1, carrier-grade NAT", "2002:7f00:1::, loopback", "2002:a00:1::1, private",
			"2002:a9fe:a9fe:1:2:3:4:5, link-local", "2002:c0a8:101::1, private", "2002:6440:1::, carrier-grade NAT" })
	void classifiesIpv4InsideIpv6ByTheIpv4Address(String address, String kind) {
		InetAddress ipv6 = ipv6(address);

		assertThat(ipv6).isInstanceOf(Inet6Address.class);
		assertThat(NonPublicAddresses.classify(ipv6)).contains(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "::ffff:808:808", "::ffff:5db8:d822", "64:ff9b::808:808", "64:ff9b::5db8:d822",
			"2002:808:808::1", "2002:5db8:d822::" })
	void findsIpv6CarryingPublicIpv4Public(String address) {
		assertThat(NonPublicAddresses.classify(ipv6(address))).isEmpty();
	}

	@Test
	void classifiesMappedAddressesJavaTurnsIntoIpv4() throws UnknownHostException {
		InetAddress mapped = InetAddress.getByName("::ffff:127.0.0.1");

		assertThat(mapped).isInstanceOf(Inet4Address.class);
		assertThat(NonPublicAddresses.classify(mapped)).contains("loopback");
	}

	@Test
	void classifiesIpv6WithScopeByItsAddress() throws UnknownHostException {
		InetAddress scoped = Inet6Address.getByAddress(null, ipv6("fe80::1").getAddress(), 2);

		assertThat(NonPublicAddresses.classify(scoped)).contains("link-local");
	}

	/**
	 * Special-purpose ranges that IANA lists as not globally reachable: benchmarking (RFC
	 * 5180), ORCHID (RFC 4843), documentation (RFC 9637), SRv6 SIDs (RFC 9602).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2001:2::1", "2001:2:0:ffff::1", "2001:10::1", "2001:1f::1", "3fff::1", "3fff:fff:ffff::1",
			"5f00::1" })
	void classifiesRemainingSpecialPurposeIpv6RangesAsNonPublic(String address) {
		assertThat(NonPublicAddresses.classify(ipv6(address))).isPresent();
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

	/**
	 * An {@link Inet6Address} even for IPv4-mapped literals, which
	 * {@link InetAddress#getByName} would turn into an {@link Inet4Address}.
	 */
	private static InetAddress ipv6(String literal) {
		InetAddress parsed = address(literal);
		byte[] bytes = parsed.getAddress();
		if (bytes.length == 4) {
			byte[] mapped = new byte[16];
			mapped[10] = (byte) 0xff;
			mapped[11] = (byte) 0xff;
			System.arraycopy(bytes, 0, mapped, 12, 4);
			bytes = mapped;
		}
		try {
			return Inet6Address.getByAddress(null, bytes, -1);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

}
