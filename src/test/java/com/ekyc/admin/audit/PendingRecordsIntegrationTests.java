package com.ekyc.admin.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.database.DatabaseAvailability;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How rounds cut what is waiting into batches: a writer that keeps each batch instead of
 * writing it, in the service's context (its database availability and settings).
 */
class PendingRecordsIntegrationTests extends IntegrationTest {

	@Autowired
	private DatabaseAvailability database;

	@Autowired
	private AuditProperties properties;

	private final List<List<String>> batches = new ArrayList<>();

	// Records of reads that come while a batch is being written.
	private final List<AuditRecord> arrivingDuringWrites = new ArrayList<>();

	private PendingRecords pending;

	@BeforeEach
	void makePendingRecords() {
		this.pending = new PendingRecords(new RecordingWriter(), this.database, this.properties,
				new SimpleMeterRegistry(), Clock.systemUTC());
	}

	@Test
	void aRoundWritesWhatWasWaitingWhenItBeganInOneBatchAndLeavesLaterRecordsToTheNext() {
		add("first", "second", "third");
		this.arrivingDuringWrites.add(record("late"));

		assertThat(this.pending.flush()).isTrue();
		assertThat(this.batches).containsExactly(List.of("first", "second", "third"));
		assertThat(this.pending.count()).isEqualTo(1);

		assertThat(this.pending.flush()).isTrue();
		assertThat(this.batches).containsExactly(List.of("first", "second", "third"), List.of("late"));
		assertThat(this.pending.count()).isZero();
	}

	@Test
	void aRoundWritesMoreThanABatchInBatchesOfAtMostTheBatchSize() {
		for (int i = 0; i < PendingRecords.BATCH_SIZE + 1; i++) {
			add("read-" + i);
		}

		assertThat(this.pending.flush()).isTrue();

		assertThat(this.batches).hasSize(2);
		assertThat(this.batches.get(0)).hasSize(PendingRecords.BATCH_SIZE).startsWith("read-0");
		assertThat(this.batches.get(1)).containsExactly("read-" + PendingRecords.BATCH_SIZE);
	}

	private void add(String... requestIds) {
		for (String requestId : requestIds) {
			assertThat(this.pending.reserve()).isTrue();
			this.pending.add(record(requestId));
		}
	}

	private static AuditRecord record(String requestId) {
		return new AuditRecord(null, Instant.parse("2026-11-30T10:00:00Z"), "reader", null, "session.status", null,
				null, null, 200, requestId, null);
	}

	/**
	 * Keeps the request ids of each batch instead of writing it, and adds the late
	 * records.
	 */
	private final class RecordingWriter extends AuditWriter {

		RecordingWriter() {
			super(null, null, null, null);
		}

		@Override
		void write(List<AuditRecord> records) {
			PendingRecordsIntegrationTests.this.batches.add(records.stream().map(AuditRecord::requestId).toList());
			for (AuditRecord late : PendingRecordsIntegrationTests.this.arrivingDuringWrites) {
				assertThat(PendingRecordsIntegrationTests.this.pending.reserve()).isTrue();
				PendingRecordsIntegrationTests.this.pending.add(late);
			}
			PendingRecordsIntegrationTests.this.arrivingDuringWrites.clear();
		}

	}

}
