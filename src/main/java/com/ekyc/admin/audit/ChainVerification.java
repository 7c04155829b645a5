package com.ekyc.admin.audit;

import org.jspecify.annotations.Nullable;

/**
 * What verifying the hash chain found.
 *
 * @param valid whether every sealed record's hash is what its fields and the previous
 * hash give, and every user id is the one its digest was made from (or the pseudonym of
 * its erasure)
 * @param records how many sealed records were checked
 * @param sealedUpTo the id of the last sealed record, {@code null} when none is
 * @param firstBrokenRecordId the id of the first record that does not match, {@code null}
 * when the chain is valid
 */
public record ChainVerification(boolean valid, long records, @Nullable Long sealedUpTo,
		@Nullable Long firstBrokenRecordId) {

}
