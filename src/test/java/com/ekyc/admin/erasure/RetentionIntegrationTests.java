package com.ekyc.admin.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.HeldOpen;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention jobs: terminal sessions that ended before the cutoff are erased, each
 * once even with several instances at work, newer and active ones stay; finished callback
 * deliveries older than the cutoff are deleted, pending ones stay; each counts what it
 * did. The rows a test ages are dated in 2001, so the cutoff (2002) reaches nothing else.
 */
class RetentionIntegrationTests extends IntegrationTest {

	private static final Instant CUTOFF = Instant.parse("2002-01-01T00:00:00Z");

	@Autowired
	private RetentionJobs jobs;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void erasesEachOldTerminalSessionOnceAndKeepsTheRest() throws Exception {
		String userId = newUserId();
		List<String> old = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			old.add(aSession().forUser(userId).inStatus(SessionStatus.APPROVED).create());
		}
		String recent = aSession().forUser(userId).inStatus(SessionStatus.REJECTED).create();
		String active = createSession(userId);
		jdbc().sql("update sessions set completed_at = '2001-06-01T00:00:00Z' where id = any(?::uuid[])")
			.param(old.toArray(String[]::new))
			.update();
		double before = erasedCount();

		List<Integer> erased = Concurrently.run(4, () -> this.jobs.eraseTerminalSessionsBefore(CUTOFF));

		assertThat(erased.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
		assertThat(erasedCount() - before).isEqualTo(6);
		List<String> owners = jdbc().sql("select user_id from sessions where id = any(?::uuid[])")
			.param(old.toArray(String[]::new))
			.query(String.class)
			.list();
		assertThat(owners).hasSize(6).allMatch((owner) -> owner.startsWith("erased-")).doesNotHaveDuplicates();
		assertThat(jdbc().sql("select count(*) from erasures where pseudonym = any(?)")
			.param(owners.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(api().get("/ekyc/admin/" + userId + "/sessions", adminToken()).json().get("items"))
			.extracting((session) -> session.get("id").asString())
			.containsExactlyInAnyOrder(recent, active);
		assertThat(this.jobs.eraseTerminalSessionsBefore(CUTOFF)).isZero();
	}

	@Test
	void recordsOfAnErasedSessionWrittenAfterItsErasureNameItsPseudonym() throws Exception {
		String userId = newUserId();
		String old = aSession().forUser(userId).inStatus(SessionStatus.APPROVED).create();
		String kept = createSession(userId);
		jdbc().sql("update sessions set completed_at = '2001-06-01T00:00:00Z' where id = ?::uuid").param(old).update();
		String path = "/ekyc/admin/" + userId + "/sessions/" + old;
		// Reads recorded before the erasure, in two id ranges of the index by user.
		assertThat(api().get(path, adminToken()).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> readsOf(old) == 1);
		nextAuditRecordsInALaterIdRange();
		assertThat(api().get(path, adminToken()).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> readsOf(old) == 2);
		HeldOpen<Integer> erasing = HeldOpen.transaction(this.transactions,
				() -> this.jobs.eraseTerminalSessionsBefore(CUTOFF));

		// Read while the erasure has not committed: the session is still the user's, and
		// the read's record waits to be written past a flush.
		assertThat(api().get(path, adminToken()).status()).isEqualTo(200);
		Thread.sleep(500);
		assertThat(erasing.commit()).isPositive();
		// Read after it: the session is no longer the user's, but the request names both.
		assertThat(api().get(path, adminToken()).status()).isEqualTo(404);

		String pseudonym = jdbc().sql("select user_id from sessions where id = ?::uuid")
			.param(old)
			.query(String.class)
			.single();
		await().atMost(Duration.ofSeconds(5)).until(() -> readsOf(old) == 4);
		// Before the erasure under its pseudonym, after it under its second one.
		String later = jdbc().sql("select later_pseudonym from erasures where pseudonym = ?")
			.param(pseudonym)
			.query(String.class)
			.single();
		assertThat(jdbc().sql("select user_id from audit_records where session_id = ?::uuid and status = 404")
			.param(old)
			.query(String.class)
			.list()).containsExactly(later);
		assertThat(jdbc().sql("select user_id from audit_records where session_id = ?::uuid and status <> 404")
			.param(old)
			.query(String.class)
			.list()).hasSize(4).containsOnly(pseudonym);
		assertThat(jdbc().sql("""
				select count(*) from audit_records
				where session_id = ?::uuid and operation = 'user.erase' and actor = 'ekyc-admin' and user_id = ?""")
			.param(old)
			.param(pseudonym)
			.query(Long.class)
			.single()).as("the erasure recorded").isEqualTo(1);
		assertThat(jdbc().sql("select count(*) from audit_records where session_id = ?::uuid and user_id = ?")
			.param(kept)
			.param(userId)
			.query(Long.class)
			.single()).as("the records of the session kept still name the user").isPositive();
	}

	@Test
	void deletesOldFinishedDeliveriesAndKeepsPendingOnes() {
		String sessionId = createSession(newUserId());
		List<UUID> oldFinished = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			oldFinished.add(delivery(sessionId, i, (i % 2 == 0) ? "DELIVERED" : "FAILED", "2001-03-01T00:00:00Z"));
		}
		UUID oldPending = delivery(sessionId, 6, "PENDING", "2001-03-01T00:00:00Z");
		UUID recent = delivery(sessionId, 7, "DELIVERED", "2026-01-01T00:00:00Z");
		double before = this.meters.counter("ekyc.retention.rows", "kind", "deliveries").count();

		int deleted = this.jobs.deleteDeliveriesBefore(CUTOFF);

		assertThat(deleted).isEqualTo(5);
		assertThat(this.meters.counter("ekyc.retention.rows", "kind", "deliveries").count() - before).isEqualTo(5);
		assertThat(jdbc().sql("select id from callback_deliveries where session_id = ?::uuid")
			.param(sessionId)
			.query(UUID.class)
			.list()).containsExactlyInAnyOrder(oldPending, recent);
	}

	private UUID delivery(String sessionId, int sequence, String status, String createdAt) {
		UUID id = UUID.randomUUID();
		jdbc().sql("""
				insert into callback_deliveries (id, session_id, sequence, url, payload, status, attempts,
				                                 round_attempts, next_attempt_at, created_at)
				values (?, ?::uuid, ?, 'https://93.184.216.34/cb', '{}', ?, 1, 1, now(), ?::timestamptz)""")
			.param(id)
			.param(sessionId)
			.param(sequence)
			.param(status)
			.param(createdAt)
			.update();
		return id;
	}

	private double erasedCount() {
		return this.meters.counter("ekyc.retention.rows", "kind", "sessions").count();
	}

	private long readsOf(String sessionId) {
		return jdbc().sql("select count(*) from audit_records where session_id = ?::uuid and operation = 'session.get'")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

}
