package com.ekyc.admin.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.ekyc.admin.erasure.UserErasure;
import com.ekyc.admin.support.HeldOpen;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure and the writers of audit records meet in either order, and no record keeps
 * the erased id: a record written while the erasure runs is committed before it (and
 * renamed) or written after it (and named by the pseudonym). Each side is held open in a
 * transaction of the test's to make the meeting certain.
 */
class AuditErasureRaceIntegrationTests extends IntegrationTest {

	@Autowired
	private AuditWriter writer;

	@Autowired
	private UserErasure erasure;

	@Autowired
	private TransactionTemplate transactions;

	// A record alone and a batch take different ways to the table.
	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void anErasureWaitsForRecordsBeingWrittenAndRenamesThem(int records) throws Exception {
		String userId = newUserId();
		createSession(userId);
		AuditRecord record = new AuditRecord(null, Instant.now(), "reader", null, "session.status", userId, null, null,
				200, null, null);
		HeldOpen<Object> writing = HeldOpen.transaction(this.transactions, () -> {
			this.writer.write(Collections.nCopies(records, record));
			return "written";
		});

		CompletableFuture<UserErasure.Erasure> erasing = CompletableFuture
			.supplyAsync(() -> this.erasure.erase(userId, "request #1", true, "backoffice-service"));

		Thread.sleep(300);
		assertThat(erasing).as("the erasure waits for the writer").isNotDone();
		writing.commit();
		String pseudonym = erasing.get(10, TimeUnit.SECONDS).pseudonym();
		assertThat(recordsNaming(userId)).isZero();
		assertThat(jdbc().sql("select count(*) from audit_records where user_id = ? and actor = 'reader'")
			.param(pseudonym)
			.query(Long.class)
			.single()).isEqualTo(records);
	}

	@Test
	void aRecordWrittenWhileAnErasureRunsNamesThePseudonym() throws Exception {
		String userId = newUserId();
		createSession(userId);
		HeldOpen<UserErasure.Erasure> erasing = HeldOpen.transaction(this.transactions,
				() -> this.erasure.erase(userId, "request #2", true, "backoffice-service"));

		// The read sees the session as it was: the erasure has not committed yet.
		assertThat(api().get("/ekyc/admin/" + userId + "/status", adminToken()).status()).isEqualTo(200);
		Thread.sleep(500);
		String pseudonym = erasing.commit().pseudonym();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> jdbc()
				.sql("select count(*) from audit_records where user_id = ? and operation = 'session.get'")
				.param(pseudonym)
				.query(Long.class)
				.single() == 1);
		assertThat(recordsNaming(userId)).isZero();
	}

	private long recordsNaming(String userId) {
		return jdbc().sql("select count(*) from audit_records where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

}
