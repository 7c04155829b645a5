package com.ekyc.admin.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chain's hashes as the database keeps them (V10): in runs of consecutive ids, the
 * hash of each id {@value #HASH_BYTES} bytes after the one before, zeros for an id that
 * no record has.
 */
final class SealRuns {

	static final int HASH_BYTES = 32;

	// A gap of more ids than this between two sealed records starts a new run, so that
	// identity values lost to rolled-back batches cost a run no more than this in zeros.
	static final int MAX_GAP = 64;

	/**
	 * The run sealed last, as {@code last}: its {@code last_id} is the chain's head.
	 */
	static final String LAST = "audit_seal_runs last order by last.first_id desc limit 1";

	private SealRuns() {
	}

	/**
	 * The runs of the given hashes, whose ids rise.
	 */
	static List<Run> of(long[] ids, byte[][] hashes) {
		List<Run> runs = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= ids.length; i++) {
			if (i == ids.length || ids[i] - ids[i - 1] > MAX_GAP) {
				runs.add(run(ids, hashes, start, i));
				start = i;
			}
		}
		return runs;
	}

	private static Run run(long[] ids, byte[][] hashes, int from, int to) {
		long firstId = ids[from];
		byte[] bytes = new byte[Math.toIntExact((ids[to - 1] - firstId + 1) * HASH_BYTES)];
		for (int i = from; i < to; i++) {
			System.arraycopy(hashes[i], 0, bytes, Math.toIntExact((ids[i] - firstId) * HASH_BYTES), HASH_BYTES);
		}
		return new Run(firstId, ids[to - 1], bytes);
	}

	/**
	 * The hashes of the ids from {@code firstId} to {@code lastId}.
	 */
	record Run(long firstId, long lastId, byte[] hashes) {

		boolean covers(long id) {
			return id >= this.firstId && id <= this.lastId;
		}

		/**
		 * Whether the run holds this hash for an id it covers (compared in place:
		 * verification asks once per record). An id without a record holds zeros, which
		 * no hash is.
		 */
		boolean holds(long id, byte[] hash) {
			int from = Math.toIntExact((id - this.firstId) * HASH_BYTES);
			return Arrays.equals(this.hashes, from, from + HASH_BYTES, hash, 0, HASH_BYTES);
		}

	}

}
