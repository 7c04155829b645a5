package com.ekyc.admin.session;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pair of statuses against the contract's table of allowed moves, written out here
 * again so that a change to the table in the code cannot go unnoticed.
 */
class SessionStatusTests {

	private static final Set<String> ALLOWED = Set.of("CREATED>IN_PROGRESS", "CREATED>SUBMITTED", "CREATED>CANCELLED",
			"IN_PROGRESS>SUBMITTED", "IN_PROGRESS>CANCELLED", "SUBMITTED>IN_REVIEW", "SUBMITTED>APPROVED",
			"SUBMITTED>REJECTED", "SUBMITTED>RESUBMISSION_REQUESTED", "SUBMITTED>CANCELLED", "IN_REVIEW>APPROVED",
			"IN_REVIEW>REJECTED", "IN_REVIEW>RESUBMISSION_REQUESTED", "IN_REVIEW>CANCELLED",
			"RESUBMISSION_REQUESTED>IN_PROGRESS", "RESUBMISSION_REQUESTED>SUBMITTED",
			"RESUBMISSION_REQUESTED>CANCELLED");

	static Stream<Arguments> everyPair() {
		return Stream.of(SessionStatus.values())
			.flatMap((from) -> Stream.of(SessionStatus.values()).map((to) -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void allowsExactlyTheMovesOfTheContract(SessionStatus from, SessionStatus to) {
		boolean allowed = ALLOWED.contains(from + ">" + to);

		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
		assertThat(from.allowedMoves().contains(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@EnumSource(names = { "APPROVED", "REJECTED", "EXPIRED", "CANCELLED" })
	void terminalStatusesAllowNoMove(SessionStatus status) {
		assertThat(status.isTerminal()).isTrue();
		assertThat(status.allowedMoves()).isEmpty();
		assertThat(status.canExpire()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(names = { "CREATED", "IN_PROGRESS", "SUBMITTED", "IN_REVIEW", "RESUBMISSION_REQUESTED" })
	void activeStatusesAreNotTerminal(SessionStatus status) {
		assertThat(status.isTerminal()).isFalse();
		assertThat(status.allowedMoves()).isNotEmpty().doesNotContain(SessionStatus.EXPIRED);
	}

	@ParameterizedTest
	@EnumSource
	void onlyStatusesWaitingOnTheUserExpire(SessionStatus status) {
		assertThat(status.canExpire())
			.isEqualTo(Set.of(SessionStatus.CREATED, SessionStatus.IN_PROGRESS, SessionStatus.RESUBMISSION_REQUESTED)
				.contains(status));
	}

}
