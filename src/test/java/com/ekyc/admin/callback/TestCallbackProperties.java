package com.ekyc.admin.callback;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.ekyc.admin.support.TestKeys;

/**
 * Callback settings for unit tests: the given address rules, defaults for the rest.
 */
final class TestCallbackProperties {

	private TestCallbackProperties() {
	}

	static CallbackProperties of(boolean allowHttp, boolean allowPrivateNetworks, @Nullable URI defaultUrl) {
		return new CallbackProperties(allowHttp, allowPrivateNetworks, defaultUrl, TestKeys.SIGNING_SECRET, List.of(),
				Duration.ofSeconds(2), List.of(Duration.ofMillis(100), Duration.ofMillis(200)), 4,
				Duration.ofSeconds(10), Duration.ofMillis(100), true);
	}

}
