package com.ekyc.admin.callback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.ekyc.admin.audit.AuditRecord;
import com.ekyc.admin.audit.Pseudonyms;

/**
 * What erasure and retention do to callback deliveries: pending deliveries of erased
 * sessions are dropped, finished ones keep their counts and times but lose their URL and
 * payload; finished deliveries past retention are deleted.
 */
@Service
public class CallbackErasure {

	private final JdbcClient jdbc;

	CallbackErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Forgets the deliveries of erased sessions, in the erasure's transaction. The
	 * delivery of the cancel the erasure made itself is kept, to tell the receiver, with
	 * the pseudonym in place of the user id.
	 * @param cancelled the session the erasure cancelled, or {@code null}
	 * @param userId the erased user id, which the kept delivery's request id must not
	 * hold either
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(List<UUID> sessionIds, @Nullable UUID cancelled, String pseudonym, String userId) {
		UUID[] ids = sessionIds.toArray(UUID[]::new);
		Integer keep = (cancelled != null) ? this.jdbc
			.sql("select max(sequence) from callback_deliveries where session_id = ? and status = 'PENDING'")
			.param(cancelled)
			.query(Integer.class)
			.optional()
			.orElse(null) : null;
		this.jdbc.sql("""
				delete from callback_deliveries
				where session_id = any(?) and status = 'PENDING' and not (session_id = ? and sequence = ?)""")
			.param(ids)
			.param(cancelled)
			.param((keep != null) ? keep : -1)
			.update();
		this.jdbc.sql("""
				update callback_deliveries set url = null, payload = null, request_id = null
				where session_id = any(?) and status <> 'PENDING'""").param(ids).update();
		if (keep != null) {
			this.jdbc.sql("""
					update callback_deliveries
					set payload = jsonb_set(payload::jsonb, '{data,userId}', to_jsonb(?::text))::text,
					    request_id = replace(request_id, ?, ?)
					where session_id = ? and sequence = ?""")
				.param(pseudonym)
				.param(userId)
				.param(AuditRecord.USER_ID_MARK)
				.param(cancelled)
				.param(keep)
				.update();
		}
	}

	/**
	 * Forgets the URL, payload and request id of a delivery that has just finished, if
	 * its session was erased meanwhile: the cancel an erasure sent keeps them only until
	 * it is delivered or has failed, as the erasure's other deliveries do not keep them
	 * at all.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forgetIfErased(UUID deliveryId) {
		this.jdbc.sql("""
				update callback_deliveries d set url = null, payload = null, request_id = null
				from sessions s
				where d.id = ? and d.status <> 'PENDING' and s.id = d.session_id and s.user_id like ?""")
			.param(deliveryId)
			.param(Pseudonyms.PREFIX + "%")
			.update();
	}

	/**
	 * Deletes up to {@code limit} delivered or failed deliveries created before the
	 * cutoff, skipping rows another instance holds.
	 * @return how many were deleted
	 */
	@Transactional
	public int deleteFinishedBefore(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from callback_deliveries where id in (
				    select id from callback_deliveries where status <> 'PENDING' and created_at < ?
				    order by created_at limit ? for update skip locked)""")
			.param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.param(limit)
			.update();
	}

}
