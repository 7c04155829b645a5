package com.ekyc.admin.session;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface SessionEventRepository extends Repository<SessionEvent, Long> {

	SessionEvent save(SessionEvent event);

	List<SessionEvent> findBySessionIdOrderBySequence(UUID sessionId);

}
