package com.ekyc.admin.session;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SessionPropertiesTests {

	private static final Duration DAY = Duration.ofDays(1);

	@Test
	void refusesZeroOrNegativeDurations() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionProperties(Duration.ZERO, DAY, DAY))
			.withMessageContaining("ekyc.sessions.ttl");
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionProperties(DAY, Duration.ofSeconds(-1), DAY))
			.withMessageContaining("ekyc.sessions.idempotency-window");
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionProperties(DAY, DAY, Duration.ZERO))
			.withMessageContaining("ekyc.sessions.expiry-sweep-interval");
	}

	@Test
	void acceptsPositiveDurations() {
		assertThatNoException()
			.isThrownBy(() -> new SessionProperties(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(5)));
	}

}
