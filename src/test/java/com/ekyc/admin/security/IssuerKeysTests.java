package com.ekyc.admin.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ekyc.admin.support.LocalIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The issuer's keys are fetched again at most once per 30 s after the last fetch, however
 * the unknown key ids fall in time.
 */
class IssuerKeysTests {

	private final LocalIssuer issuer = LocalIssuer.start(0);

	private final ManualClock clock = new ManualClock();

	@AfterEach
	void stopIssuer() {
		this.issuer.close();
	}

	@Test
	void fetchesAgainOnlyAWholeIntervalAfterTheLastFetch() {
		IssuerKeys keys = new IssuerKeys(this.issuer.issuerUri(), this.issuer.jwksUri(), this.clock);
		this.clock.advance(Duration.ofSeconds(25));
		askFor(keys, "unknown-1");
		assertThat(this.issuer.jwksFetches()).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(6));
		askFor(keys, "unknown-2");
		assertThat(this.issuer.jwksFetches()).as("6 s after the last fetch").isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(25));
		askFor(keys, "unknown-3");
		askFor(keys, "unknown-4");
		assertThat(this.issuer.jwksFetches()).as("31 s after the last fetch").isEqualTo(2);
	}

	private static void askFor(IssuerKeys keys, String keyId) {
		catchThrowable(() -> keys.source().get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null));
	}

	private static final class ManualClock implements TimeMeter {

		private final AtomicLong millis = new AtomicLong(1_000_000);

		void advance(Duration duration) {
			this.millis.addAndGet(duration.toMillis());
		}

		@Override
		public long currentTimeNanos() {
			return this.millis.get() * 1_000_000;
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
