package com.ekyc.admin.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Ipv4LiteralsTests {

	@ParameterizedTest
	@CsvSource({ "127.0.0.1, 127.0.0.1", "127.0.0.1., 127.0.0.1", "2130706433, 127.0.0.1", "2130706433., 127.0.0.1",
			"0x7f000001, 127.0.0.1", "0X7F000001, 127.0.0.1", "0x7F000001, 127.0.0.1", "017700000001, 127.0.0.1",
			"0x7f.1, 127.0.0.1", "0x7f.0x0.0x0.0x1, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "0177.0.0.01, 127.0.0.1",
			"127.1, 127.0.0.1", "127.0.1, 127.0.0.1", "0x7f.0.1, 127.0.0.1", "127.00.000.1, 127.0.0.1",
			"169.254.169.254, 169.254.169.254", "2852039166, 169.254.169.254", "0xa9fea9fe, 169.254.169.254",
			"0251.0376.0251.0376, 169.254.169.254", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
			"169.16689662, 169.254.169.254", "169.254.43518, 169.254.169.254", "10.1, 10.0.0.1",
			"192.168.257, 192.168.1.1", "1.16777215, 1.255.255.255", "0, 0.0.0.0", "0x, 0.0.0.0", "0x0, 0.0.0.0",
			"00, 0.0.0.0", "4294967295, 255.255.255.255", "0xffffffff, 255.255.255.255",
			"037777777777, 255.255.255.255", "93.184.216.34, 93.184.216.34", "1572395042, 93.184.216.34" })
	void readsEverySpellingOfAnAddress(String host, String address) {
		assertThat(dotted(Ipv4Literals.parse(host))).contains(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "example.com.", "localhost", "foo.localhost", "1.2.3.example",
			"127.0.0.1.example.com", "0x7g", "1e3", "abc", "xn--bcher-kva.example", "a.b.c.d", "ff", "0xz.example",
			"1.2.3.4x", "." })
	void findsNoAddressInNames(String host) {
		assertThat(Ipv4Literals.parse(host)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.0.0.1", "1.2.3.256", "1.2.3.4.5", "1.2.3.4.5.", "4294967296", "0x100000000",
			"040000000000", "1.2.65536", "1.16777216", "1.0x100.1", "example.1", "a.0x", "1..1", "..1", "999999999999",
			"0xfffffffffff", "-1.0.0.1" })
	void refusesHostsEndingInANumberThatAreNoAddress(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> Ipv4Literals.parse(host));
	}

	/**
	 * Leading zeros do not change an octal or hexadecimal number (WHATWG URL parser,
	 * {@code inet_aton}), however many there are.
	 */
	@ParameterizedTest
	@CsvSource({ "00000000000000017700000001, 127.0.0.1", "0x00000000007f000001, 127.0.0.1",
			"000000000000000177.0.0.1, 127.0.0.1", "0x00000000000000007f.1, 127.0.0.1",
			"000000000000025177524776, 169.254.169.254" })
	void readsNumbersWithManyLeadingZeros(String host, String address) {
		assertThat(dotted(Ipv4Literals.parse(host))).contains(address);
	}

	/**
	 * {@code 08} is all digits, so the host ends in a number, but no valid octal one.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.08", "127.0.0.09", "10.0.0.019", "08" })
	void refusesHostsEndingInAnInvalidOctalNumber(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> Ipv4Literals.parse(host));
	}

	private static Optional<String> dotted(Optional<byte[]> bytes) {
		return bytes.map((address) -> {
			assertThat(address).hasSize(4);
			try {
				return InetAddress.getByAddress(address).getHostAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
