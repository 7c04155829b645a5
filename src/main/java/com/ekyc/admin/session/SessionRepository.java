package com.ekyc.admin.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SessionRepository extends Repository<Session, UUID> {

	@Query(nativeQuery = true, value = """
			select id from sessions
			where user_id = :userId
			  and status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED')
			""")
	Optional<UUID> findActiveSessionId(String userId);

	Optional<Session> findById(UUID id);

	/**
	 * The user's session, locked until the transaction ends so that changes to one
	 * session happen one after another.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Session s where s.id = :id and s.userId = :userId")
	Optional<Session> findForUpdate(UUID id, String userId);

	/**
	 * Sessions past their expiry that are still waiting on their user, oldest expiry
	 * first, locked; rows another sweeper holds are skipped, so that no session expires
	 * twice.
	 */
	@Query(nativeQuery = true, value = """
			select * from sessions
			where status in ('CREATED', 'IN_PROGRESS', 'RESUBMISSION_REQUESTED') and expires_at <= :now
			order by expires_at
			limit :limit
			for update skip locked
			""")
	List<Session> findExpiredForUpdate(Instant now, int limit);

}
