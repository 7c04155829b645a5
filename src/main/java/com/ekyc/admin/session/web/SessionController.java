package com.ekyc.admin.session.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.ekyc.admin.session.IdempotencyKey;
import com.ekyc.admin.session.SessionCreation;
import com.ekyc.admin.session.SessionService;
import com.ekyc.admin.security.Caller;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.web.PageQuery;

/**
 * The admin API of verification sessions; mappings, validation and documentation are
 * declared on {@link SessionApi}.
 */
@RestController
class SessionController implements SessionApi {

	private final SessionService sessions;

	SessionController(SessionService sessions) {
		this.sessions = sessions;
	}

	@Override
	public SessionPageResponse list(PageQuery page, @Nullable List<SessionStatus> statuses) {
		// An empty status=, like an empty limit=, counts as not given.
		Set<SessionStatus> wanted = EnumSet.noneOf(SessionStatus.class);
		if (statuses != null) {
			statuses.stream().filter(Objects::nonNull).forEach(wanted::add);
		}
		return SessionPageResponse.of(this.sessions.list(wanted, page.startOrDefault(), page.limitOrDefault()));
	}

	@Override
	public UserSessionsResponse sessionsOf(String userId, PageQuery page) {
		return UserSessionsResponse.of(userId,
				this.sessions.sessionsOf(userId, page.startOrDefault(), page.limitOrDefault()));
	}

	@Override
	public ResponseEntity<SessionResponse> create(String userId, @Nullable CreateSessionRequest request,
			@Nullable String idempotencyKey, Caller caller) {
		String callback = (request != null) ? request.callback() : null;
		SessionCreation creation = this.sessions.create(userId, callback, caller.actor(),
				(idempotencyKey != null) ? new IdempotencyKey(caller.idempotencyScope(), idempotencyKey) : null);
		SessionResponse body = creation.replayed() ? SessionResponse.asCreated(creation.session())
				: SessionResponse.of(creation.session());
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().location(locationOf(body)).eTag(body.etag());
		if (creation.replayed()) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(body);
	}

	@Override
	public StatusResponse status(String userId) {
		return StatusResponse.of(this.sessions.newestOf(userId));
	}

	@Override
	public ResponseEntity<SessionResponse> get(String userId, UUID sessionId) {
		SessionResponse body = SessionResponse.of(this.sessions.get(userId, sessionId));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@Override
	public ResponseEntity<SessionResponse> changeStatus(String userId, UUID sessionId, ChangeStatusRequest request,
			@Nullable String ifMatch, Caller caller) {
		SessionResponse body = SessionResponse.of(this.sessions.changeStatus(userId, sessionId, request.status(),
				request.reason(), caller.actor(), IfMatch.versions(ifMatch)));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@Override
	public SessionEventResponse.History history(String userId, UUID sessionId, PageQuery page) {
		return SessionEventResponse.History
			.of(this.sessions.historyOf(userId, sessionId, page.startOrDefault(), page.limitOrDefault()));
	}

	private static URI locationOf(SessionResponse session) {
		return UriComponentsBuilder.fromPath("/ekyc/admin/{userId}/sessions/{sessionId}")
			.buildAndExpand(session.userId(), session.id())
			.encode()
			.toUri();
	}

}
