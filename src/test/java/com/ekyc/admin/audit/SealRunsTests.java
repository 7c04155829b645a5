package com.ekyc.admin.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the sealer lays hashes out in runs: side by side, zeros for ids without a record,
 * and a new run after a long gap.
 */
class SealRunsTests {

	private static final String A = "a1".repeat(32);

	private static final String B = "b2".repeat(32);

	private static final String C = "c3".repeat(32);

	@Test
	void keepsEachHashAtItsIdAndNoneForTheIdsBetween() {
		List<SealRuns.Run> runs = SealRuns.of(new long[] { 10, 11, 14 }, new String[] { A, B, C });

		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.firstId()).isEqualTo(10);
			assertThat(run.lastId()).isEqualTo(14);
			assertThat(run.hashes()).hasSize(5 * SealRuns.HASH_BYTES);
			assertThat(run.hashOf(10)).isEqualTo(A);
			assertThat(run.hashOf(11)).isEqualTo(B);
			assertThat(run.hashOf(12)).isNull();
			assertThat(run.hashOf(14)).isEqualTo(C);
			assertThat(run.covers(9)).isFalse();
			assertThat(run.covers(15)).isFalse();
		});
	}

	@Test
	void startsANewRunAfterAGapOfMoreThanTheLongestKept() {
		long far = 11 + SealRuns.MAX_GAP + 1;
		List<SealRuns.Run> runs = SealRuns.of(new long[] { 10, 11, far }, new String[] { A, B, C });

		assertThat(runs).extracting(SealRuns.Run::firstId).containsExactly(10L, far);
		assertThat(runs).extracting(SealRuns.Run::lastId).containsExactly(11L, far);
		assertThat(runs.get(1).hashOf(far)).isEqualTo(C);
	}

	@Test
	void keepsAGapOfTheLongestKeptInsideARun() {
		long near = 11 + SealRuns.MAX_GAP;

		assertThat(SealRuns.of(new long[] { 10, 11, near }, new String[] { A, B, C })).singleElement()
			.satisfies((run) -> assertThat(run.hashOf(near)).isEqualTo(C));
	}

	@Test
	void makesNoRunOfNoHashes() {
		assertThat(SealRuns.of(new long[0], new String[0])).isEmpty();
	}

}
