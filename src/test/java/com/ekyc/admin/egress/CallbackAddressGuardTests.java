package com.ekyc.admin.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ekyc.admin.egress.CallbackAddressGuard.HostResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shape of callback URLs and what host resolution decides; the address spellings are
 * in {@link CallbackAddressGuardAddressTests}.
 */
class CallbackAddressGuardTests {

	private static final HostResolver PUBLIC = resolvesTo("93.184.216.34");

	private static final HostResolver NOT_CONSULTED = (host) -> {
		throw new AssertionError("The resolver should not be consulted for " + host);
	};

	@Test
	void acceptsHttpsUrlWithPublicHostAndReturnsItUnchanged() {
		String url = "https://callbacks.example.com:8443/ekyc/callback?tenant=a#done";

		assertThat(guard(PUBLIC).check(url)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.216.34/cb", "https://8.8.8.8/cb", "https://[2606:4700::1111]/cb",
			"https://[2001:4860:4860::8888]:443/cb", "HTTPS://93.184.216.34/cb" })
	void acceptsPublicAddressLiteralsWithoutResolving(String url) {
		assertThat(guard(NOT_CONSULTED).check(url)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://example.com/cb", "HTTP://example.com/cb", "ftp://example.com/cb",
			"file:///etc/passwd", "gopher://example.com/cb", "ws://example.com/cb", "javascript:alert(1)",
			"//example.com/cb", "/ekyc/callback", "example.com/cb", "" })
	void refusesAnythingButAbsoluteHttps(String url) {
		assertRefused(guard(PUBLIC), url, "must be an absolute https URL");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://example.com/cb", "HTTP://example.com/cb", "https://example.com/cb" })
	void acceptsPlainHttpOnlyWhenAllowed(String url) {
		CallbackAddressGuard guard = new CallbackAddressGuard(true, false, PUBLIC);

		assertThat(guard.check(url)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/cb", "/ekyc/callback" })
	void namesHttpInTheRuleWhenHttpIsAllowed(String url) {
		CallbackAddressGuard guard = new CallbackAddressGuard(true, false, PUBLIC);

		assertRefused(guard, url, "must be an absolute http or https URL");
	}

	@Test
	void acceptsUrlOfExactlyTheMaximumLength() {
		String prefix = "https://example.com/";
		String url = prefix + "a".repeat(CallbackAddressGuard.MAX_LENGTH - prefix.length());

		assertThat(url).hasSize(2048);
		assertThat(guard(PUBLIC).check(url)).isEqualTo(URI.create(url));
	}

	@Test
	void refusesUrlLongerThanTheMaximum() {
		String prefix = "https://example.com/";
		String url = prefix + "a".repeat(CallbackAddressGuard.MAX_LENGTH - prefix.length() + 1);

		assertThat(url).hasSize(2049);
		assertRefused(guard(PUBLIC), url, "must be at most 2048 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://user@example.com/cb", "https://user:secret@example.com/cb",
			"https://@example.com/cb", "https://93.184.216.34@example.com/cb", "https://a%40b@example.com/cb" })
	void refusesUserInformation(String url) {
		assertRefused(guard(PUBLIC), url, "must not contain user information");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https:example.com", "https:///cb", "https://exa_mple.com/cb", "https://-example.com/cb",
			"https://example..com/cb", "https://.example.com/cb", "https://256.0.0.1/cb", "https://1.2.3.4.5/cb",
			"https://4294967296/cb", "https://0x100000000/cb", "https://[zz::1]/cb" })
	void refusesInvalidHosts(String url) {
		assertThatExceptionOfType(InvalidCallbackUrlException.class).isThrownBy(() -> guard(PUBLIC).check(url));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "https://example.com:0/cb", "https://example.com:65536/cb", "https://example.com:99999/cb" })
	void refusesPortsOutOfRange(String url) {
		assertRefused(guard(PUBLIC), url, "must have a port between 1 and 65535");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.com:1/cb", "https://example.com:65535/cb" })
	void acceptsPortsAtTheEdgesOfTheRange(String url) {
		assertThat(guard(PUBLIC).check(url)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.com:99999999999/cb", "https://example.com:-1/cb",
			"https://example.com:443x/cb", "https://exa mple.com/cb", "https://example.com/a b" })
	void refusesMalformedUrls(String url) {
		assertThatExceptionOfType(InvalidCallbackUrlException.class).isThrownBy(() -> guard(PUBLIC).check(url));
	}

	@Test
	void acceptsHostThatDoesNotResolve() {
		CallbackAddressGuard guard = guard((host) -> {
			throw new UnknownHostException(host);
		});

		assertThat(guard.check("https://not-yet-registered.example/cb"))
			.isEqualTo(URI.create("https://not-yet-registered.example/cb"));
	}

	@Test
	void acceptsHostThatResolvesToNoAddress() {
		assertThat(guard((host) -> List.of()).check("https://example.com/cb")).isNotNull();
	}

	@Test
	void refusesHostResolvingToAPrivateAddress() {
		assertRefused(guard(resolvesTo("10.0.0.7")), "https://internal.example.com/cb",
				"host must not be or resolve to a private address");
	}

	@Test
	void refusesHostResolvingToCloudMetadata() {
		assertRefused(guard(resolvesTo("169.254.169.254")), "https://metadata.example.com/latest",
				"host must not be or resolve to a link-local address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "::ffff:127.0.0.1", "fd00::1", "fe80::1", "100.64.0.1", "224.0.0.1",
			"0.0.0.0" })
	void refusesHostWhenAnyResolvedAddressIsNonPublic(String nonPublic) {
		CallbackAddressGuard first = guard(resolvesTo(nonPublic, "93.184.216.34", "2606:4700::1111"));
		CallbackAddressGuard last = guard(resolvesTo("93.184.216.34", "2606:4700::1111", nonPublic));

		assertThatExceptionOfType(InvalidCallbackUrlException.class)
			.isThrownBy(() -> first.check("https://rebind.example.com/cb"));
		assertThatExceptionOfType(InvalidCallbackUrlException.class)
			.isThrownBy(() -> last.check("https://rebind.example.com/cb"));
	}

	@Test
	void acceptsHostResolvingOnlyToPublicAddresses() {
		CallbackAddressGuard guard = guard(resolvesTo("93.184.216.34", "8.8.8.8", "2606:4700::1111"));

		assertThat(guard.check("https://example.com/cb")).isNotNull();
	}

	@Test
	void resolvesTheHostInLowerCaseWithoutTrailingDot() {
		List<String> asked = new ArrayList<>();
		CallbackAddressGuard guard = guard((host) -> {
			asked.add(host);
			return List.of(InetAddress.getByName("93.184.216.34"));
		});

		guard.check("https://Callbacks.EXAMPLE.com./cb");

		assertThat(asked).containsExactly("callbacks.example.com");
	}

	@Test
	void refusesHostWhenResolverRejectsTheName() {
		CallbackAddressGuard guard = guard((host) -> {
			throw new IllegalArgumentException("Invalid IP address literal");
		});

		assertRefused(guard, "https://example.com/cb", "must have a valid host name or address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1:8080/cb", "https://localhost/cb", "https://[::1]/cb",
			"https://10.0.0.7/cb", "https://169.254.169.254/cb", "https://2130706433/cb" })
	void acceptsNonPublicHostsWhenPrivateNetworksAreAllowed(String url) {
		CallbackAddressGuard guard = new CallbackAddressGuard(false, true, NOT_CONSULTED);

		assertThat(guard.check(url)).isEqualTo(URI.create(url));
	}

	@Test
	void appliesTheOtherRulesWhenPrivateNetworksAreAllowed() {
		CallbackAddressGuard guard = new CallbackAddressGuard(false, true, NOT_CONSULTED);

		assertRefused(guard, "http://localhost/cb", "must be an absolute https URL");
		assertRefused(guard, "https://user@localhost/cb", "must not contain user information");
		assertRefused(guard, "https://localhost:0/cb", "must have a port between 1 and 65535");
	}

	@Test
	void refusesHostResolvingToPrivateAddressEvenWhenHttpIsAllowed() {
		CallbackAddressGuard guard = new CallbackAddressGuard(true, false, resolvesTo("10.0.0.7"));

		assertThatExceptionOfType(InvalidCallbackUrlException.class)
			.isThrownBy(() -> guard.check("http://internal.example.com/cb"));
	}

	static CallbackAddressGuard guard(HostResolver resolver) {
		return new CallbackAddressGuard(false, false, resolver);
	}

	static HostResolver resolvesTo(String... addresses) {
		return (host) -> {
			List<InetAddress> resolved = new ArrayList<>();
			for (String address : addresses) {
				resolved.add(InetAddress.getByName(address));
			}
			return resolved;
		};
	}

	static void assertRefused(CallbackAddressGuard guard, String url, String rule) {
		assertThatExceptionOfType(InvalidCallbackUrlException.class).isThrownBy(() -> guard.check(url))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).startsWith("callback " + rule));
	}

}
