package com.ekyc.admin.support;

/**
 * The one callback signing key of the tests: a test value, never used elsewhere.
 */
public final class TestKeys {

	public static final String SIGNING_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private TestKeys() {
	}

}
