package com.ekyc.admin.egress;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.ekyc.admin.egress.CallbackAddressGuardTests.assertRefused;
import static com.ekyc.admin.egress.CallbackAddressGuardTests.guard;
import static com.ekyc.admin.egress.CallbackAddressGuardTests.resolvesTo;
import com.ekyc.admin.egress.CallbackAddressGuard.HostResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Non-public hosts in every spelling. The resolver answers with a public address, so a
 * refusal can only come from reading the host itself.
 */
class CallbackAddressGuardAddressTests {

	private static final HostResolver PUBLIC = resolvesTo("93.184.216.34");

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.0.2", "127.255.255.254", "2130706433", "2130706433.", "0x7f000001",
			"0X7F000001", "0x7f000001.", "017700000001", "017700000001.", "0177.0.0.1", "0177.0.0.01", "127.0.0.01",
			"localhost", "LOCALHOST", "LocalHost", "localhost.", "foo.localhost", "Foo.LocalHost", "foo.localhost.",
			"a.b.localhost", "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::FFFF:127.0.0.1]",
			"[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "[64:ff9b::7f00:1]", "[64:ff9b::127.0.0.1]",
			"[2002:7f00:1::]", "[2002:7f00:1::1]" })
	void refusesLoopbackInAnySpelling(String host) {
		assertRefused(guard(PUBLIC), "https://" + host + "/cb", "host must not be or resolve to a loopback address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[::127.0.0.1]", "[::7f00:1]", "[::8.8.8.8]" })
	void refusesDeprecatedIpv4CompatibleAddresses(String host) {
		assertRefused(guard(PUBLIC), "https://" + host + "/cb", "host must not be or resolve to a reserved address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost:8080", "127.0.0.1:443", "[::1]:8443" })
	void refusesLoopbackWithAnyPort(String authority) {
		assertRefused(guard(PUBLIC), "https://" + authority + "/cb",
				"host must not be or resolve to a loopback address");
	}

	/**
	 * {@link URI} finds no server host in these (its last label must start with a
	 * letter), so they are refused as invalid hosts, which is fine: never accepted.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "127.1", "127.0.1", "0x7f.1", "0x7F.0.0.1", "0x7f.0x0.0x0.0x1", "127.0.0.1.", "0177.1",
			"10.1", "192.168.1", "0xa9.0xfe.0xa9.0xfe", "0251.0376.0251.0376", "localhost.." })
	void refusesShortAndMixedRadixSpellings(String host) {
		assertThatExceptionOfType(InvalidCallbackUrlException.class)
			.isThrownBy(() -> guard(PUBLIC).check("https://" + host + "/cb"));
	}

	@ParameterizedTest
	@CsvSource({ "10.0.0.1, private", "10.255.255.255, private", "172.16.0.1, private", "172.31.255.255, private",
			"192.168.0.1, private", "0x0a000001, private", "167772161, private", "012.0.0.1, private",
			"169.254.169.254, link-local", "169.254.0.1, link-local", "2852039166, link-local",
			"0xa9fea9fe, link-local", "100.64.0.1, carrier-grade NAT", "100.127.255.255, carrier-grade NAT",
			"224.0.0.1, multicast", "239.255.255.250, multicast", "0.0.0.0, unspecified", "0, unspecified",
			"0x0, unspecified", "255.255.255.255, reserved", "4294967295, reserved", "240.0.0.1, reserved",
			"198.18.0.1, benchmarking", "192.0.2.1, documentation", "192.0.0.170, reserved" })
	void refusesNonPublicIpv4Literals(String host, String kind) {
		assertRefused(guard(PUBLIC), "https://" + host + "/cb", "host must not be or resolve to "
				+ ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + " address");
	}

	@ParameterizedTest
	@CsvSource({ "[::], unspecified", "[::0], unspecified", "[::ffff:0.0.0.0], unspecified", "[fe80::1], link-local",
			"[FE80::1], link-local", "[febf:ffff::1], link-local", "[fc00::1], private", "[fd12:3456::1], private",
			"[fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff], private", "[ff02::1], multicast", "[ff05::1:3], multicast",
			"[fec0::1], site-local", "[100::1], reserved", "[2001:db8::1], documentation", "[2001::1], special-purpose",
			"[64:ff9b:1::a00:1], reserved", "[::ffff:10.0.0.1], private", "[::ffff:169.254.169.254], link-local",
			"[::ffff:a9fe:a9fe], link-local", "[::ffff:100.64.0.1], carrier-grade NAT", "[::10.0.0.1], reserved",
			"[64:ff9b::a9fe:a9fe], link-local", "[64:ff9b::192.168.1.1], private", "[2002:a9fe:a9fe::1], link-local",
			"[2002:c0a8:101::], private", "[2002:6440:1::], carrier-grade NAT" })
	void refusesNonPublicIpv6Literals(String host, String kind) {
		assertRefused(guard(PUBLIC), "https://" + host + "/cb", "host must not be or resolve to "
				+ ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + " address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "1.1.1.1", "1572395042", "0x5db8d822", "[2606:4700::1111]",
			"[2001:4860:4860::8888]", "[::ffff:8.8.8.8]", "[64:ff9b::808:808]", "[2002:808:808::1]", "100.63.255.255",
			"100.128.0.1", "172.15.255.255", "172.32.0.1", "169.253.255.255", "169.255.0.1", "11.0.0.1", "192.169.0.1",
			"223.255.255.255" })
	void acceptsPublicAddressesInAnySpelling(String host) {
		String url = "https://" + host + "/cb";

		assertThat(guard(PUBLIC).check(url)).isEqualTo(URI.create(url));
	}

	/**
	 * Octal and hexadecimal numbers may carry any number of leading zeros (WHATWG URL
	 * parser, {@code inet_aton}): these all name 127.0.0.1 or 169.254.169.254.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "00000000000000017700000001", "0x00000000007f000001", "0x000000000000a9fea9fe",
			"000000000000025177524776" })
	void refusesZeroPaddedNumericSpellingsOfNonPublicAddresses(String host) {
		assertThatExceptionOfType(InvalidCallbackUrlException.class)
			.isThrownBy(() -> guard(PUBLIC).check("https://" + host + "/cb"));
	}

	/**
	 * A host whose last label is all digits is an IPv4 address or invalid (WHATWG URL
	 * parser); Java's resolver reads {@code 127.0.0.08} as 127.0.0.8.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.08", "127.0.0.09", "10.0.0.019" })
	void refusesDottedHostsEndingInAnInvalidOctalNumber(String host) {
		assertThatExceptionOfType(InvalidCallbackUrlException.class)
			.isThrownBy(() -> guard(PUBLIC).check("https://" + host + "/cb"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost.example.com", "mylocalhost", "localhost-api.example.com",
			"127.0.0.1.example.com", "10.0.0.1.nip.example" })
	void resolvesNamesThatOnlyLookLikeNonPublicHosts(String host) {
		String url = "https://" + host + "/cb";

		assertThat(guard(PUBLIC).check(url)).isEqualTo(URI.create(url));
		assertRefused(guard(resolvesTo("127.0.0.1")), url, "host must not be or resolve to a loopback address");
	}

}
