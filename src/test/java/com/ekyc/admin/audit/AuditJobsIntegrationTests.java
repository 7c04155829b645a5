package com.ekyc.admin.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

import com.ekyc.admin.support.IntegrationTest;

import static org.awaitility.Awaitility.await;

/**
 * The audit trail's background jobs share the scheduler with the others: a long run of
 * one of those (a retention run over a large backlog) holds back neither the writing of
 * reads' records nor their sealing.
 */
class AuditJobsIntegrationTests extends IntegrationTest {

	@Autowired
	private TaskScheduler scheduler;

	@Test
	void writesAndSealsReadsWhileAnotherJobRunsLong() throws Exception {
		CountDownLatch longJobDone = new CountDownLatch(1);
		CountDownLatch longJobRunning = new CountDownLatch(1);
		this.scheduler.schedule(() -> {
			longJobRunning.countDown();
			try {
				longJobDone.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Instant.now());
		try {
			longJobRunning.await(10, TimeUnit.SECONDS);
			String userId = newUserId();
			createSession(userId);

			api().get("/ekyc/admin/" + userId + "/status", adminToken());

			await().atMost(Duration.ofSeconds(5))
				.until(() -> jdbc().sql("""
						select count(*) from audit_records r
						where r.user_id = ? and r.operation = 'session.get'
						  and r.id <= (select max(last_id) from audit_seal_runs)""")
					.param(userId)
					.query(Long.class)
					.single() == 1);
		}
		finally {
			longJobDone.countDown();
		}
	}

}
