package com.ekyc.admin.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SessionRepository extends Repository<Session, UUID> {

	/**
	 * Inserts the new session unless its user already has an active one; the partial
	 * unique index {@code sessions_one_active_per_user} decides, so concurrent requests
	 * and several instances cannot both win.
	 * @return 1 when inserted, 0 when the user has an active session
	 */
	default int insertUnlessUserHasActive(Session session) {
		return insertUnlessUserHasActive(session.getId(), session.getUserId(), session.getStatus().name(),
				session.getCallback(), session.getCreatedAt(), session.getExpiresAt(), session.getCreatedBy());
	}

	@Modifying
	@Query(nativeQuery = true,
			value = """
					insert into sessions (id, user_id, status, callback, created_at, updated_at, expires_at, created_by, version)
					values (:id, :userId, :status, cast(:callback as varchar), :createdAt, :createdAt, :expiresAt, :createdBy, 1)
					on conflict (user_id)
					    where status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED')
					    do nothing
					""")
	int insertUnlessUserHasActive(UUID id, String userId, String status, @Nullable String callback, Instant createdAt,
			Instant expiresAt, String createdBy);

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
