package com.ekyc.admin.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.erasure.UserErasure;
import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the audit writer stores: every character of every field as given, and the
 * pseudonym instead of an erased id where the record is about the erased user.
 */
class AuditWriterIntegrationTests extends IntegrationTest {

	@Autowired
	private AuditWriter writer;

	@Autowired
	private UserErasure erasure;

	@Autowired
	private UserDigests digests;

	@Test
	void keepsEveryCharacterOfTheFieldsOfOneRecord() {
		AuditRecord record = oddRecord();
		this.writer.write(List.of(record));

		assertStoredAsGiven(record);
	}

	@Test
	void keepsEveryCharacterOfTheFieldsOfABatch() {
		AuditRecord record = oddRecord();
		this.writer.write(List.of(record, oddRecord()));

		assertStoredAsGiven(record);
	}

	private static AuditRecord oddRecord() {
		String actor = "actor\twith\\odd\ncharacters\r and \\N " + UUID.randomUUID();
		return new AuditRecord(null, Instant.parse("2026-11-30T01:02:03.456Z"), actor, "https://issuer.example/réalm",
				"session.get", null, null, UUID.randomUUID(), 404, "\\N", null);
	}

	private void assertStoredAsGiven(AuditRecord record) {
		Map<String, Object> stored = jdbc().sql("""
				select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
				    issuer, operation, user_id, user_digest, session_id, status::int as status, request_id
				from audit_records where actor = ?""").param(record.actor()).query().singleRow();
		assertThat(stored).containsEntry("occurred_at", "2026-11-30T01:02:03.456Z")
			.containsEntry("issuer", "https://issuer.example/réalm")
			.containsEntry("operation", "session.get")
			.containsEntry("user_id", null)
			.containsEntry("user_digest", null)
			.containsEntry("session_id", record.sessionId())
			.containsEntry("status", 404)
			.containsEntry("request_id", "\\N");
	}

	@Test
	void writesRecordsInTheOrderGiven() {
		String actor = "ordered-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.writer.write(List.of(read(actor, "first", now), read(actor, "second", now.minusSeconds(1)),
				read(actor, "third", now)));

		assertThat(jdbc().sql("select request_id from audit_records where actor = ? order by id")
			.param(actor)
			.query(String.class)
			.list()).containsExactly("first", "second", "third");
	}

	@Test
	void aLaterRecordAboutAnErasedIdWithoutSessionsNamesTheErasuresSecondPseudonym() {
		String userId = newUserId();
		createSession(userId);
		Instant beforeErasure = Instant.now().minusSeconds(1);
		String pseudonym = this.erasure.erase(userId, "request #3", true, "backoffice-service").pseudonym();

		// Made after the erasure, the request found nothing (404).
		this.writer.write(List.of(about(userId, beforeErasure, 200), about(userId, Instant.now().plusSeconds(1), 404)));

		String later = laterPseudonymOf(pseudonym);
		assertThat(later).startsWith("erased-").isNotEqualTo(pseudonym);
		assertThat(recordsOf("reader-" + userId)).containsExactly(pseudonym, later);
	}

	@Test
	void aUserRegisteredAgainUnderAnErasedIdIsRecordedUnderTheIdButNotWhatCameBefore() {
		String userId = newUserId();
		createSession(userId);
		Instant beforeErasure = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
		String pseudonym = this.erasure.erase(userId, "request #4", true, "backoffice-service").pseudonym();
		createSession(userId);

		this.writer.write(List.of(about(userId, beforeErasure, 200), about(userId, Instant.now().plusSeconds(1), 200)));

		assertThat(recordsOf("reader-" + userId)).containsExactly(pseudonym, userId);
	}

	@Test
	void aRequestMadeBetweenAnErasureAndANewRegistrationNamesTheErasuresSecondPseudonym() throws Exception {
		String userId = newUserId();
		createSession(userId);
		String pseudonym = this.erasure.erase(userId, "request #7", true, "backoffice-service").pseudonym();
		Thread.sleep(5);
		Instant probed = Instant.now();
		Thread.sleep(5);
		createSession(userId);

		// Written after the new registration, as a read waiting in memory would be.
		this.writer.write(List.of(about(userId, probed, 404)));
		String secondErasure = this.erasure.erase(userId, "request #8", true, "backoffice-service").pseudonym();
		this.writer.write(List.of(about(userId, probed, 404)));

		assertThat(recordsOf("reader-" + userId)).containsExactly(laterPseudonymOf(pseudonym),
				laterPseudonymOf(pseudonym));
		assertThat(secondErasure).isNotEqualTo(pseudonym);
	}

	@Test
	void aNewRegistrationUnderAnErasedIdIsRecordedUnderTheId() {
		String userId = newUserId();
		createSession(userId);
		this.erasure.erase(userId, "request #11", true, "backoffice-service");

		String sessionId = createSession(userId);

		assertThat(jdbc().sql("select user_id from audit_records where session_id = ?::uuid")
			.param(sessionId)
			.query(String.class)
			.list()).containsExactly(userId);
	}

	@Test
	void anEmptyListOfAnErasedUserReadNothingAndNamesTheSecondPseudonym() {
		String userId = newUserId();
		createSession(userId);
		String pseudonym = this.erasure.erase(userId, "request #12", true, "backoffice-service").pseudonym();

		this.writer.write(List.of(new AuditRecord(null, Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS),
				"reader-" + userId, null, "session.list", userId, null, null, 200, null, null)));

		assertThat(recordsOf("reader-" + userId)).containsExactly(laterPseudonymOf(pseudonym));
	}

	@Test
	void aRecordAboutAnIdErasedTwiceNamesTheLatestPseudonym() {
		String userId = newUserId();
		createSession(userId);
		this.erasure.erase(userId, "request #5", true, "backoffice-service");
		createSession(userId);
		String latest = this.erasure.erase(userId, "request #6", true, "backoffice-service").pseudonym();

		this.writer.write(List.of(about(userId, Instant.now().plusSeconds(1), 404)));

		assertThat(recordsOf("reader-" + userId)).containsExactly(laterPseudonymOf(latest));
	}

	@Test
	void aUserWhoseDigestBeginsLikeAnErasedUsersIsNotTakenForIt() {
		String erasedId = newUserId();
		createSession(erasedId);
		this.erasure.erase(erasedId, "request #13", true, "backoffice-service");
		String erasedDigest = this.digests.of(erasedId);
		String alike = erasedDigest.substring(0, 16) + (erasedDigest.endsWith("0") ? "1" : "0").repeat(48);
		String userId = newUserId();
		AuditRecord record = about(userId, Instant.now().plusSeconds(1), 200).withUserDigest(alike);

		this.writer.write(List.of(record));
		this.writer.write(List.of(record, record));

		assertThat(recordsOf("reader-" + userId)).containsExactly(userId, userId, userId);
	}

	private String laterPseudonymOf(String pseudonym) {
		return jdbc().sql("select later_pseudonym from erasures where pseudonym = ?")
			.param(pseudonym)
			.query(String.class)
			.single();
	}

	private static AuditRecord read(String actor, String requestId, Instant occurredAt) {
		return new AuditRecord(null, occurredAt, actor, null, "session.list", null, null, null, 200, requestId, null);
	}

	private static AuditRecord about(String userId, Instant occurredAt, int status) {
		return new AuditRecord(null, occurredAt.truncatedTo(ChronoUnit.MILLIS), "reader-" + userId, null,
				"session.status", userId, null, null, status, null, null);
	}

	private List<String> recordsOf(String actor) {
		return jdbc().sql("select user_id from audit_records where actor = ? order by id")
			.param(actor)
			.query(String.class)
			.list();
	}

}
