package com.ekyc.admin.session;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SessionPropertiesTests {

	@Test
	void refusesZeroOrNegativeDurations() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SessionProperties(Duration.ZERO, Duration.ofHours(24)))
			.withMessageContaining("ekyc.sessions.ttl");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SessionProperties(Duration.ofDays(7), Duration.ofSeconds(-1)))
			.withMessageContaining("ekyc.sessions.idempotency-window");
	}

	@Test
	void acceptsPositiveDurations() {
		assertThatNoException().isThrownBy(() -> new SessionProperties(Duration.ofMinutes(1), Duration.ofHours(1)));
	}

}
