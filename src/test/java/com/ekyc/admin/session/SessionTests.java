package com.ekyc.admin.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SessionTests {

	private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

	private final Session session = Session.start("user-42", URI.create("https://client.example/cb"), "creator", START,
			Duration.ofDays(7));

	@Test
	void startsCreatedAtVersionOne() {
		assertThat(this.session.getStatus()).isEqualTo(SessionStatus.CREATED);
		assertThat(this.session.getVersion()).isEqualTo(1);
		assertThat(this.session.getExpiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
		assertThat(this.session.creation().getSequence()).isEqualTo(1);
	}

	@Test
	void movesAndRecordsTheChange() {
		Instant later = START.plusSeconds(60);

		SessionEvent event = this.session.moveTo(SessionStatus.IN_PROGRESS, "user opened the link", "reviewer", later);

		assertThat(this.session.getStatus()).isEqualTo(SessionStatus.IN_PROGRESS);
		assertThat(this.session.getReason()).isEqualTo("user opened the link");
		assertThat(this.session.getUpdatedAt()).isEqualTo(later);
		assertThat(this.session.getCompletedAt()).isNull();
		assertThat(event.getSequence()).isEqualTo(2);
		assertThat(event.getFrom()).isEqualTo(SessionStatus.CREATED);
		assertThat(event.getTo()).isEqualTo(SessionStatus.IN_PROGRESS);
		assertThat(event.getActor()).isEqualTo("reviewer");
		assertThat(event.getOccurredAt()).isEqualTo(later);
	}

	@Test
	void setsCompletedAtOnTerminalStatus() {
		Instant later = START.plusSeconds(60);

		this.session.moveTo(SessionStatus.CANCELLED, null, "reviewer", later);

		assertThat(this.session.getCompletedAt()).isEqualTo(later);
	}

	@Test
	void refusesMoveOutsideTheTableNamingTheAllowedOnes() {
		assertThatExceptionOfType(StatusChangeNotAllowedException.class)
			.isThrownBy(() -> this.session.moveTo(SessionStatus.APPROVED, null, "reviewer", START))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("currentStatus",
					SessionStatus.CREATED));
		assertThat(this.session.getStatus()).isEqualTo(SessionStatus.CREATED);
	}

	@Test
	void refusesCallersMoveToExpired() {
		assertThatExceptionOfType(StatusChangeNotAllowedException.class)
			.isThrownBy(() -> this.session.moveTo(SessionStatus.EXPIRED, null, "reviewer", START));
	}

	@Test
	void expiresOnlyOnceDue() {
		assertThatIllegalStateException().isThrownBy(() -> this.session.expire(START.plus(Duration.ofDays(6))));

		SessionEvent event = this.session.expire(START.plus(Duration.ofDays(7)));

		assertThat(this.session.getStatus()).isEqualTo(SessionStatus.EXPIRED);
		assertThat(this.session.getReason()).isEqualTo("ttl_elapsed");
		assertThat(event.getActor()).isEqualTo(Session.SYSTEM_ACTOR);
		assertThat(this.session.getCompletedAt()).isEqualTo(START.plus(Duration.ofDays(7)));
	}

	@Test
	void refusesSecondChangeBeforeTheFirstIsStored() {
		this.session.moveTo(SessionStatus.IN_PROGRESS, null, "reviewer", START);

		assertThatIllegalStateException()
			.isThrownBy(() -> this.session.moveTo(SessionStatus.SUBMITTED, null, "reviewer", START));
	}

}
