package com.ekyc.admin.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One request as the audit trail keeps it.
 *
 * @param id its place in the trail, {@code null} until written
 * @param occurredAt when the request came
 * @param actor who made it
 * @param issuer the issuer of the actor's token
 * @param operation what it asked for, such as {@code session.get}
 * @param userId the user it named, or the pseudonym that replaced the user's id
 * @param userDigest the keyed digest of the user id it named, which the hash covers;
 * {@code null} before it is written when it is the digest of {@code userId}
 * @param sessionId the session it named or created
 * @param status the HTTP status it was answered
 * @param requestId the id of the request, as on its log lines (but for the user id, see
 * {@link #withoutUserIdInRequestId()})
 * @param hash its link in the chain, {@code null} until sealed
 */
public record AuditRecord(@Nullable Long id, Instant occurredAt, String actor, @Nullable String issuer,
		String operation, @Nullable String userId, @Nullable String userDigest, @Nullable UUID sessionId, int status,
		@Nullable String requestId, @Nullable String hash) {

	/** What stands for the user id in a request id that contained it. */
	public static final String USER_ID_MARK = "{userId}";

	/**
	 * The record with its user id, where its request id contains it, replaced there by
	 * {@value #USER_ID_MARK} (request ids this service takes never hold braces): the
	 * record names its user in {@code userId} only, which erasure replaces.
	 */
	AuditRecord withoutUserIdInRequestId() {
		return withoutInRequestId(this.userId);
	}

	/**
	 * The record with the given user id replaced by {@value #USER_ID_MARK} in its request
	 * id: for the record of an erasure, which names the pseudonym but was asked with the
	 * id.
	 */
	AuditRecord withoutInRequestId(@Nullable String userId) {
		if (userId == null || userId.isEmpty() || this.requestId == null || !this.requestId.contains(userId)) {
			return this;
		}
		return new AuditRecord(this.id, this.occurredAt, this.actor, this.issuer, this.operation, this.userId,
				this.userDigest, this.sessionId, this.status, this.requestId.replace(userId, USER_ID_MARK), this.hash);
	}

	AuditRecord withUserId(@Nullable String userId) {
		return new AuditRecord(this.id, this.occurredAt, this.actor, this.issuer, this.operation, userId,
				this.userDigest, this.sessionId, this.status, this.requestId, this.hash);
	}

	/**
	 * The session id as the chain and the database's text take it, {@code null} when
	 * none.
	 */
	@Nullable String sessionIdText() {
		return (this.sessionId != null) ? this.sessionId.toString() : null;
	}

	AuditRecord withUserDigest(@Nullable String userDigest) {
		return new AuditRecord(this.id, this.occurredAt, this.actor, this.issuer, this.operation, this.userId,
				userDigest, this.sessionId, this.status, this.requestId, this.hash);
	}

}
