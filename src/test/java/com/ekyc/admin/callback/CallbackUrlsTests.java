package com.ekyc.admin.callback;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.ekyc.admin.egress.CallbackAddressGuard;
import com.ekyc.admin.egress.CallbackAddressGuard.HostResolver;
import com.ekyc.admin.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The callback URL a new session gets: the requested one, checked, or the configured
 * default, which is checked when the service starts.
 */
class CallbackUrlsTests {

	private static final HostResolver PUBLIC = resolvesTo("93.184.216.34");

	private static final HostResolver NOT_CONSULTED = (host) -> {
		throw new AssertionError("The resolver should not be consulted for " + host);
	};

	@Test
	void choosesNothingWhenNoneIsRequestedNorConfigured() {
		assertThat(urls(TestCallbackProperties.of(false, false, null), NOT_CONSULTED).choose(null)).isEmpty();
	}

	@Test
	void choosesTheConfiguredDefaultWhenNoneIsRequested() {
		URI defaultUrl = URI.create("https://backoffice.example.com/ekyc/callback");
		CallbackUrls urls = urls(TestCallbackProperties.of(false, false, defaultUrl), PUBLIC);

		assertThat(urls.choose(null)).contains(defaultUrl);
		assertThat(urls.choose("https://other.example.com/cb")).contains(URI.create("https://other.example.com/cb"));
	}

	@Test
	void checksTheRequestedUrlEvenWhenADefaultIsConfigured() {
		URI defaultUrl = URI.create("https://backoffice.example.com/ekyc/callback");
		CallbackUrls urls = urls(TestCallbackProperties.of(false, false, defaultUrl), PUBLIC);

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> urls.choose("https://127.0.0.1/cb"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://backoffice.example.com/cb", "https://127.0.0.1/cb", "https://localhost/cb",
			"https://user@backoffice.example.com/cb", "https://backoffice.example.com:0/cb", "/relative" })
	void refusesToStartWithAnInvalidDefaultUrl(String defaultUrl) {
		CallbackProperties properties = TestCallbackProperties.of(false, false, URI.create(defaultUrl));

		assertThatIllegalStateException().isThrownBy(() -> urls(properties, PUBLIC))
			.withMessageStartingWith("ekyc.callbacks.default-url is not a valid callback URL: callback ")
			.withCauseInstanceOf(ProblemException.class);
	}

	@Test
	void refusesToStartWithADefaultUrlResolvingToAPrivateAddress() {
		CallbackProperties properties = TestCallbackProperties.of(false, false,
				URI.create("https://backoffice.internal/cb"));

		assertThatIllegalStateException().isThrownBy(() -> urls(properties, resolvesTo("10.1.2.3")))
			.withMessageContaining("private address");
	}

	@Test
	void startsWithANonPublicDefaultUrlWhenDevelopmentSettingsAllowIt() {
		URI defaultUrl = URI.create("http://localhost:8080/ekyc/callback");
		CallbackUrls urls = urls(TestCallbackProperties.of(true, true, defaultUrl), NOT_CONSULTED);

		assertThat(urls.choose(null)).contains(defaultUrl);
	}

	private static CallbackUrls urls(CallbackProperties properties, HostResolver resolver) {
		return new CallbackUrls(
				new CallbackAddressGuard(properties.allowHttp(), properties.allowPrivateNetworks(), resolver),
				properties);
	}

	private static HostResolver resolvesTo(String address) {
		return (host) -> List.of(InetAddress.getByName(address));
	}

}
