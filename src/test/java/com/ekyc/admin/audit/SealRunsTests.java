package com.ekyc.admin.audit;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the sealer lays hashes out in runs: side by side, zeros for ids without a record,
 * and a new run after a long gap.
 */
class SealRunsTests {

	private static final byte[] A = hash(0xa1);

	private static final byte[] B = hash(0xb2);

	private static final byte[] C = hash(0xc3);

	private static final byte[] NONE = new byte[SealRuns.HASH_BYTES];

	@Test
	void keepsEachHashAtItsIdAndNoneForTheIdsBetween() {
		List<SealRuns.Run> runs = SealRuns.of(new long[] { 10, 11, 14 }, new byte[][] { A, B, C });

		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.firstId()).isEqualTo(10);
			assertThat(run.lastId()).isEqualTo(14);
			assertThat(run.hashes()).hasSize(5 * SealRuns.HASH_BYTES);
			assertThat(run.holds(10, A)).isTrue();
			assertThat(run.holds(11, B)).isTrue();
			assertThat(run.holds(11, A)).isFalse();
			assertThat(run.holds(12, NONE)).isTrue();
			assertThat(run.holds(13, NONE)).isTrue();
			assertThat(run.holds(14, C)).isTrue();
			assertThat(run.covers(9)).isFalse();
			assertThat(run.covers(15)).isFalse();
		});
	}

	@Test
	void startsANewRunAfterAGapOfMoreThanTheLongestKept() {
		long far = 11 + SealRuns.MAX_GAP + 1;
		List<SealRuns.Run> runs = SealRuns.of(new long[] { 10, 11, far }, new byte[][] { A, B, C });

		assertThat(runs).extracting(SealRuns.Run::firstId).containsExactly(10L, far);
		assertThat(runs).extracting(SealRuns.Run::lastId).containsExactly(11L, far);
		assertThat(runs.get(1).holds(far, C)).isTrue();
	}

	@Test
	void keepsAGapOfTheLongestKeptInsideARun() {
		long near = 11 + SealRuns.MAX_GAP;

		assertThat(SealRuns.of(new long[] { 10, 11, near }, new byte[][] { A, B, C })).singleElement()
			.satisfies((run) -> assertThat(run.holds(near, C)).isTrue());
	}

	@Test
	void makesNoRunOfNoHashes() {
		assertThat(SealRuns.of(new long[0], new byte[0][])).isEmpty();
	}

	private static byte[] hash(int fill) {
		byte[] hash = new byte[SealRuns.HASH_BYTES];
		Arrays.fill(hash, (byte) fill);
		return hash;
	}

}
