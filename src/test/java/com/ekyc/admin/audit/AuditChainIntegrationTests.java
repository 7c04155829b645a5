package com.ekyc.admin.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.ekyc.admin.security.Permissions;
import com.ekyc.admin.support.ApiResponse;
import com.ekyc.admin.support.Concurrently;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hash chain: records are sealed within seconds, in id order, by one sealer at a
 * time; {@code GET /ekyc/admin/audit/verify} recomputes it from the stored fields and
 * names the first record that was changed, removed or reordered through SQL; retention
 * moves the chain's start and the chain stays verifiable. Tests put back what they tamper
 * with.
 */
class AuditChainIntegrationTests extends IntegrationTest {

	@Autowired
	private PendingRecords pending;

	@Autowired
	private AuditSealer sealer;

	@Autowired
	private AuditRetention retention;

	@Test
	void sealsNewRecordsWithinSecondsAndVerifies() {
		String userId = newUserId();
		createSession(userId);
		api().get("/ekyc/admin/" + userId + "/status", adminToken());

		await().atMost(Duration.ofSeconds(5)).until(() -> unsealedCount() == 0 && recordsOf(userId) == 2);
		JsonNode verification = verify();

		assertThat(verification.get("valid").asBoolean()).isTrue();
		assertThat(verification.get("firstBrokenRecordId").isNull()).isTrue();
		assertThat(verification.get("records").asLong()).isPositive();
		assertThat(verification.get("sealedUpTo").asLong()).isEqualTo(lastSealedId());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logsTheChainsHeadOnceWhenItMoved(CapturedOutput output) {
		long sealed = sealedRecords(2).get(1);

		this.sealer.logHead();
		this.sealer.logHead();

		Pattern logged = Pattern.compile("Audit chain head: record (\\d+), hash ([0-9a-f]{64})");
		List<MatchResult> heads = output.getOut()
			.lines()
			.map(logged::matcher)
			.filter(Matcher::find)
			.map(Matcher::toMatchResult)
			.toList();
		assertThat(heads).isNotEmpty();
		assertThat(heads.stream().map(MatchResult::group)).as("each head once").doesNotHaveDuplicates();
		MatchResult head = heads.get(heads.size() - 1);
		long id = Long.parseLong(head.group(1));
		assertThat(id).isGreaterThanOrEqualTo(sealed);
		assertThat(head.group(2)).isEqualTo(sealOf(id));
	}

	@Test
	void answersCallersThatComeWhileAVerificationRunsWithItsResult() throws Exception {
		sealedRecords(3);

		List<ApiResponse> answers = Concurrently.run(12,
				() -> api().get("/ekyc/admin/audit/verify", issuer.token("auditor", Permissions.AUDIT_READ)));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.json().get("valid").asBoolean()).isTrue();
		});
	}

	@Test
	void namesTheFirstRecordWhoseFieldWasChanged() {
		List<Long> ids = sealedRecords(3);
		long middle = ids.get(1);
		String actor = jdbc().sql("select actor from audit_records where id = ?")
			.param(middle)
			.query(String.class)
			.single();

		assertNamedWhile(middle,
				() -> jdbc().sql("update audit_records set actor = 'someone-else' where id = ?").param(middle).update(),
				() -> jdbc().sql("update audit_records set actor = ? where id = ?")
					.param(actor)
					.param(middle)
					.update());
	}

	@Test
	void namesTheRecordAfterOneThatWasDeleted() {
		List<Long> ids = sealedRecords(3);
		deletedWhile(ids.get(1), () -> assertThat(brokenAt()).isEqualTo(ids.get(2)));

		assertThat(verify().get("valid").asBoolean()).isTrue();
	}

	@Test
	void namesTheRecordWhoseSealWasRemoved() {
		long middle = sealedRecords(3).get(1);

		assertNamedWhileSealedWith(middle, "00".repeat(32));
	}

	@Test
	void namesTheRecordWhoseSealWasChanged() {
		List<Long> ids = sealedRecords(3);

		assertNamedWhileSealedWith(ids.get(1), sealOf(ids.get(2)));
	}

	@Test
	void namesTheFirstRecordOfASealRunThatWasDeleted() {
		long earlier = sealedRecords(1).get(0);
		// Sealed by a later round, in a run of its own.
		sealedRecords(1);
		Map<String, Object> run = jdbc().sql("select * from audit_seal_runs where first_id <= ? and last_id >= ?")
			.param(earlier)
			.param(earlier)
			.query()
			.singleRow();
		assertThat((Long) run.get("last_id")).as("not the last run").isLessThan(lastSealedId());
		long firstSealed = jdbc().sql("select min(id) from audit_records where id >= ?")
			.param(run.get("first_id"))
			.query(Long.class)
			.single();

		assertNamedWhile(firstSealed,
				() -> jdbc().sql("delete from audit_seal_runs where first_id = ?").param(run.get("first_id")).update(),
				() -> jdbc().sql(
						"insert into audit_seal_runs (first_id, last_id, hashes) values (:first_id, :last_id, :hashes)")
					.params(run)
					.update());
	}

	@Test
	void namesTheFirstOfTwoRecordsThatWereSwapped() {
		List<Long> ids = sealedRecords(3);
		long first = ids.get(0);
		long second = ids.get(1);

		assertNamedWhile(first, () -> swapPlaces(first, second), () -> swapPlaces(first, second));
	}

	@Test
	void namesARecordWhoseUserIdWasReplaced() {
		String userId = newUserId();
		createSession(userId);
		await().atMost(Duration.ofSeconds(5)).until(() -> unsealedCount() == 0);
		long id = jdbc().sql("select id from audit_records where user_id = ?").param(userId).query(Long.class).single();

		jdbc().sql("update audit_records set user_id = 'someone-else' where id = ?").param(id).update();
		try {
			assertThat(brokenAt()).isEqualTo(id);
		}
		finally {
			jdbc().sql("update audit_records set user_id = ? where id = ?").param(userId).param(id).update();
		}
	}

	@Test
	void staysValidWhenManyWriteAndSeveralSealAtOnce() throws Exception {
		String token = issuer.token("busy-" + UUID.randomUUID(), Permissions.GET, Permissions.CREATE);
		Callable<Object> write = () -> {
			String userId = newUserId();
			api().post("/ekyc/admin/" + userId + "/sessions", token, "{}");
			api().get("/ekyc/admin/" + userId + "/status", token);
			return null;
		};
		Callable<Object> seal = () -> this.sealer.seal();

		AtomicInteger turn = new AtomicInteger();
		Concurrently.run(32, () -> (turn.getAndIncrement() % 4 == 0) ? seal.call() : write.call());
		this.pending.flush();
		Concurrently.run(4, this.sealer::seal);

		assertThat(unsealedCount()).isZero();
		JsonNode verification = verify();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("sealedUpTo").asLong()).isEqualTo(lastSealedId());
	}

	@Test
	void keepsTheChainVerifiableWhenRetentionDeletesItsStart() {
		List<Long> ids = sealedRecords(4);
		Instant cutoff = jdbc().sql("select occurred_at from audit_records where id = ?")
			.param(ids.get(2))
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
		long before = verify().get("records").asLong();

		int deleted = this.retention.deleteBefore(cutoff);

		assertThat(deleted).isPositive();
		// Deleted from the chain's start up to the first record that is younger (records
		// of reads get their ids when written, so ids follow time only roughly).
		long firstKept = jdbc().sql("select min(id) from audit_records").query(Long.class).single();
		assertThat(jdbc().sql("select occurred_at from audit_records where id = ?")
			.param(firstKept)
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isAfterOrEqualTo(cutoff);
		assertThat(jdbc().sql("select first_id from audit_chain").query(Long.class).single()).isEqualTo(firstKept);
		JsonNode after = verify();
		assertThat(after.get("valid").asBoolean()).isTrue();
		// The verifications' own records may have been sealed meanwhile.
		assertThat(after.get("records").asLong()).isBetween(before - deleted, before - deleted + 3);

		// Deleting the new first record is seen: the chain starts where retention left
		// it.
		deletedWhile(firstKept, () -> assertThat(brokenAt()).isGreaterThan(firstKept));

		assertThat(verify().get("valid").asBoolean()).isTrue();
	}

	// The ids of at least n sealed records, the last n in id order.
	private List<Long> sealedRecords(int n) {
		for (int i = 0; i < n; i++) {
			createSession(newUserId());
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> unsealedCount() == 0);
		return jdbc().sql("""
				select id from (
				    select id from audit_records where id <= (select max(last_id) from audit_seal_runs)
				    order by id desc limit ?) last
				order by id""").param(n).query(Long.class).list();
	}

	// Deletes the record, runs the check, and puts the record back as it was.
	private void deletedWhile(long id, Runnable check) {
		Map<String, Object> row = jdbc().sql("""
				select id, occurred_at::text as occurred_at, actor, issuer, operation, user_id, user_digest,
				    session_id, status, request_id
				from audit_records where id = ?""").param(id).query().singleRow();
		jdbc().sql("delete from audit_records where id = ?").param(id).update();
		try {
			check.run();
		}
		finally {
			jdbc().sql("""
					insert into audit_records (id, occurred_at, actor, issuer, operation, user_id, user_digest,
					    session_id, status, request_id)
					overriding system value
					values (:id, :occurred_at::timestamptz, :actor, :issuer, :operation, :user_id, :user_digest,
					    :session_id, :status, :request_id)""").params(row).update();
		}
	}

	// Swaps everything but the ids of two records (their seals stay): they
	// trade places in the chain.
	private void swapPlaces(long first, long second) {
		jdbc().sql("""
				update audit_records a set occurred_at = b.occurred_at, actor = b.actor, issuer = b.issuer,
				    operation = b.operation, user_id = b.user_id, user_digest = b.user_digest,
				    session_id = b.session_id, status = b.status, request_id = b.request_id
				from audit_records b
				where (a.id = ? and b.id = ?) or (a.id = ? and b.id = ?)""")
			.param(first)
			.param(second)
			.param(second)
			.param(first)
			.update();
	}

	private long brokenAt() {
		JsonNode verification = verify();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isFalse();
		return verification.get("firstBrokenRecordId").asLong();
	}

	private JsonNode verify() {
		ApiResponse answer = api().get("/ekyc/admin/audit/verify", issuer.token("auditor", Permissions.AUDIT_READ));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private long unsealedCount() {
		this.pending.flush();
		return unsealedAuditRecords();
	}

	private long recordsOf(String userId) {
		return jdbc().sql("select count(*) from audit_records where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	private long lastSealedId() {
		return jdbc().sql("select max(last_id) from audit_seal_runs").query(Long.class).single();
	}

	// The hash the seal run that covers the record holds for it (hexadecimal).
	private String sealOf(long id) {
		return jdbc().sql("""
				select encode(substring(hashes from ((:id - first_id) * 32 + 1)::integer for 32), 'hex')
				from audit_seal_runs where first_id <= :id and last_id >= :id""")
			.param("id", id)
			.query(String.class)
			.single();
	}

	// Puts the hash in the record's slot of its seal run while verification is checked
	// to name the record.
	private void assertNamedWhileSealedWith(long id, String hash) {
		String seal = sealOf(id);
		assertNamedWhile(id, () -> sealWith(id, hash), () -> sealWith(id, seal));
	}

	// Tampers, checks that verification names the record, undoes the tampering and checks
	// that the chain holds again.
	private void assertNamedWhile(long brokenId, Runnable tamper, Runnable undo) {
		tamper.run();
		try {
			assertThat(brokenAt()).isEqualTo(brokenId);
		}
		finally {
			undo.run();
		}
		assertThat(verify().get("valid").asBoolean()).isTrue();
	}

	// Puts another hash in the record's slot of its seal run.
	private void sealWith(long id, String hash) {
		jdbc()
			.sql("""
					update audit_seal_runs
					set hashes = overlay(hashes placing decode(:hash, 'hex') from ((:id - first_id) * 32 + 1)::integer for 32)
					where first_id <= :id and last_id >= :id""")
			.param("id", id)
			.param("hash", hash)
			.update();
	}

}
