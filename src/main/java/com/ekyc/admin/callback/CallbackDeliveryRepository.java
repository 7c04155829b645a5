package com.ekyc.admin.callback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CallbackDeliveryRepository extends Repository<CallbackDelivery, UUID> {

	CallbackDelivery save(CallbackDelivery delivery);

	Optional<CallbackDelivery> findById(UUID id);

	boolean existsById(UUID id);

	Optional<CallbackDelivery> findByIdAndSessionId(UUID id, UUID sessionId);

	/**
	 * A page of the session's deliveries, in the order of its changes.
	 */
	@Query(nativeQuery = true, value = """
			select * from callback_deliveries
			where session_id = :sessionId
			order by sequence
			limit :limit offset :start
			""")
	List<CallbackDelivery> findPageOfSession(UUID sessionId, long start, int limit);

	/**
	 * Claims up to {@code limit} due deliveries for a worker: each the oldest pending
	 * change of its session (so a session's changes go out in order), not leased by a
	 * live worker, locked while claimed so that concurrent dispatchers skip it, then
	 * leased until {@code leaseUntil}.
	 * <p>
	 * The earlier-change check says {@code status not in ('DELIVERED', 'FAILED')} rather
	 * than {@code status = 'PENDING'} on purpose: the two are the same rows, but only the
	 * latter matches the partial index {@code callback_deliveries_due}, and with
	 * statistics from a time without a backlog (PENDING estimated at ~1 row, as on any
	 * large table whose rows are nearly all delivered) PostgreSQL then probes each
	 * candidate by scanning that whole index: quadratic in the backlog (1.2 s per claim
	 * at 10,000 pending). Written this way the probe can only use
	 * {@code callback_deliveries_one_per_change (session_id, sequence)}.
	 */
	@Query(nativeQuery = true, value = """
			with due as (
			    select d.id from callback_deliveries d
			    where d.status = 'PENDING' and d.next_attempt_at <= :now
			      and (d.lease_until is null or d.lease_until < :now)
			      and not exists (select 1 from callback_deliveries earlier
			                      where earlier.session_id = d.session_id
			                        and earlier.status not in ('DELIVERED', 'FAILED')
			                        and earlier.sequence < d.sequence)
			    order by d.next_attempt_at
			    limit :limit
			    for update skip locked
			)
			update callback_deliveries set lease_token = :token, lease_until = :leaseUntil
			from due where callback_deliveries.id = due.id
			returning callback_deliveries.*
			""")
	List<CallbackDelivery> claim(Instant now, int limit, UUID token, Instant leaseUntil);

	/**
	 * Writes the outcome of an attempt, already applied to {@code attempted}, if the
	 * delivery is still leased with {@code leaseToken}: one statement, without loading
	 * the row again.
	 * @return 1, or 0 when the lease was lost
	 */
	default int recordAttempt(CallbackDelivery attempted, UUID leaseToken) {
		return recordAttempt(attempted.getId(), leaseToken, attempted.getStatus(), attempted.getAttempts(),
				attempted.getRoundAttempts(), attempted.getNextAttemptAt(), attempted.getLastAttemptAt(),
				attempted.getLastStatusCode(), attempted.getLastError(), attempted.getDeliveredAt());
	}

	@Modifying
	@Query("""
			update CallbackDelivery d set d.status = :status, d.attempts = :attempts, d.roundAttempts = :roundAttempts,
			    d.nextAttemptAt = :nextAttemptAt, d.leaseToken = null, d.leaseUntil = null,
			    d.lastAttemptAt = :lastAttemptAt, d.lastStatusCode = :lastStatusCode, d.lastError = :lastError,
			    d.deliveredAt = :deliveredAt
			where d.id = :id and d.leaseToken = :leaseToken
			""")
	int recordAttempt(UUID id, UUID leaseToken, DeliveryStatus status, int attempts, int roundAttempts,
			Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode,
			@Nullable String lastError, @Nullable Instant deliveredAt);

	@Query(nativeQuery = true, value = "select count(*) from callback_deliveries where status = 'PENDING'")
	long countPending();

}
