package com.ekyc.admin.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the audit trail is searched for; each part given narrows the search.
 *
 * @param userId only records naming this user (or pseudonym)
 * @param actor only records of this actor
 * @param operation only records of this operation
 * @param from only records that occurred at or after this instant
 * @param to only records that occurred before this instant
 */
public record AuditFilter(@Nullable String userId, @Nullable String actor, @Nullable String operation,
		@Nullable Instant from, @Nullable Instant to) {

}
