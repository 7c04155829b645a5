package com.ekyc.admin.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final RetrySchedule schedule = new RetrySchedule(
			List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30)));

	@RepeatedTest(20)
	void waitsTheScheduledDelayPlusAtMostTwentyPercent() {
		assertThat(this.schedule.next(NOW, 1, null)).isBetween(NOW.plusSeconds(5), NOW.plusMillis(6000));
		assertThat(this.schedule.next(NOW, 2, null)).isBetween(NOW.plusSeconds(300), NOW.plusSeconds(360));
		assertThat(this.schedule.next(NOW, 3, null)).isBetween(NOW.plusSeconds(1800), NOW.plusSeconds(2160));
	}

	@Test
	void endsAfterOneAttemptMoreThanThereAreDelays() {
		assertThat(this.schedule.next(NOW, 4, null)).isNull();
	}

	@Test
	void honoursLongerRetryAfter() {
		assertThat(this.schedule.next(NOW, 1, Duration.ofMinutes(1))).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void ignoresShorterRetryAfter() {
		assertThat(this.schedule.next(NOW, 2, Duration.ofSeconds(1))).isAfterOrEqualTo(NOW.plusSeconds(300));
	}

}
