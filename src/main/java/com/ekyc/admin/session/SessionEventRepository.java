package com.ekyc.admin.session;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SessionEventRepository extends Repository<SessionEvent, Long> {

	/**
	 * A page of the session's history, oldest first.
	 */
	@Query(nativeQuery = true, value = """
			select * from session_events
			where session_id = :sessionId
			order by sequence
			limit :limit offset :start
			""")
	List<SessionEvent> findPageOfSession(UUID sessionId, long start, int limit);

}
