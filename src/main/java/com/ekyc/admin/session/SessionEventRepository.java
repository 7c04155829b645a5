package com.ekyc.admin.session;

import org.springframework.data.repository.Repository;

interface SessionEventRepository extends Repository<SessionEvent, Long> {

	SessionEvent save(SessionEvent event);

}
