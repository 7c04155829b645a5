package com.ekyc.admin.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface IdempotencyRecordRepository extends Repository<IdempotencyRecord, IdempotencyRecord.Key> {

	/**
	 * Takes the key for a new session unless a live record holds it; an expired record is
	 * taken over. A concurrent request with the same key waits here until the first one
	 * ends.
	 * @return 1 when the key was taken, 0 when a live record holds it
	 */
	@Modifying
	@Query(nativeQuery = true, value = """
			insert into idempotency_keys as held (caller, key, fingerprint, session_id, created_at, expires_at)
			values (:caller, :key, :fingerprint, :sessionId, :now, :expiresAt)
			on conflict (caller, key) do update
			    set fingerprint = excluded.fingerprint, session_id = excluded.session_id,
			        created_at = excluded.created_at, expires_at = excluded.expires_at
			    where held.expires_at <= excluded.created_at
			""")
	int claim(String caller, String key, String fingerprint, UUID sessionId, Instant now, Instant expiresAt);

	Optional<IdempotencyRecord> findById(IdempotencyRecord.Key id);

	@Modifying
	@Query(nativeQuery = true, value = """
			delete from idempotency_keys
			where (caller, key) in (select caller, key from idempotency_keys where expires_at <= :now limit :batchSize)
			""")
	int deleteExpired(Instant now, int batchSize);

}
