package com.ekyc.admin.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.audit.ChainVerification;

/**
 * What verifying the audit trail's hash chain found.
 */
@Schema(name = "AuditVerification")
record VerificationResponse(
		@Schema(description = "Whether every sealed record matches its hash and the chain is unbroken") boolean valid,
		@Schema(description = "How many sealed records were checked", example = "1000000") long records,
		@Schema(nullable = true, description = "The id of the last sealed record; null when none is",
				example = "1000000") @Nullable Long sealedUpTo,
		@Schema(nullable = true,
				description = "The id of the first record whose hash does not match; null when valid") @Nullable Long firstBrokenRecordId) {

	static VerificationResponse of(ChainVerification verification) {
		return new VerificationResponse(verification.valid(), verification.records(), verification.sealedUpTo(),
				verification.firstBrokenRecordId());
	}

}
