package com.ekyc.admin.session.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.ekyc.admin.security.Caller;
import com.ekyc.admin.session.IdempotencyKey;
import com.ekyc.admin.session.SessionCreation;
import com.ekyc.admin.session.SessionFilter;
import com.ekyc.admin.session.SessionService;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.web.IfMatch;
import com.ekyc.admin.web.InstantParameter;
import com.ekyc.admin.web.KeysetCursor;
import com.ekyc.admin.web.PageQuery;
import com.ekyc.admin.web.PlainText;
import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;
import com.ekyc.admin.web.UserId;

/**
 * The admin API of verification sessions. What every operation shares (its permission,
 * and the 400, 401, 403, 406, 413, 415, 429, 500 and 503 answers) the OpenAPI customizers
 * add; {@link SessionOperationDescriptions} fills in what configuration and the table of
 * moves decide.
 */
@RestController
@RequestMapping(path = "/ekyc/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sessions", description = "Create verification sessions and follow their status")
class SessionController {

	private static final String ETAG = "The session's version, quoted";

	private final SessionService sessions;

	SessionController(SessionService sessions) {
		this.sessions = sessions;
	}

	@Operation(summary = "Admin list of user sessions", description = """
			Retrieves a list of user sessions for administrative oversight, newest first (by \
			`createdAt`, then `id`). Filters combine: `status` (repeat for several), `createdFrom` \
			(inclusive), `createdTo` (exclusive), `createdBy` (the actor that created them). Page \
			with `limit` and `start`; `nextStart` is the `start` of the next page, or null when \
			nothing follows. For deep pages send `nextCursor` back as `cursor` instead: the next \
			page is found by position, as fast at page 1,000 as at page 1, and sessions created \
			meanwhile do not shift it. A cursor goes with the same filters it was given for; \
			`cursor` and `start` together are `400`.""")
	@ApiResponse(responseCode = "200", description = "A page of sessions")
	@GetMapping
	SessionPageResponse list(@ParameterObject PageQuery page,
			@Parameter(description = "Only sessions in these statuses; repeat the parameter for several") @RequestParam(
					name = "status", required = false) @Nullable List<@Nullable SessionStatus> statuses,
			@Parameter(description = "Only sessions created at or after this instant; " + InstantParameter.DESCRIPTION,
					schema = @Schema(type = "string", format = "date-time")) @RequestParam(
							required = false) @Nullable String createdFrom,
			@Parameter(description = "Only sessions created before this instant; " + InstantParameter.DESCRIPTION,
					schema = @Schema(type = "string", format = "date-time")) @RequestParam(
							required = false) @Nullable String createdTo,
			@Parameter(description = "Only sessions this actor created") @RequestParam(
					required = false) @Nullable @Size(min = 1, max = 255) @PlainText String createdBy,
			@Parameter(description = "The `nextCursor` of the previous page, instead of `start`",
					schema = @Schema(type = "string", maxLength = KeysetCursor.MAX_LENGTH)) @RequestParam(
							name = "cursor", required = false) @Nullable String cursor) {
		// An empty status=, like an empty limit=, counts as not given.
		Set<SessionStatus> wanted = EnumSet.noneOf(SessionStatus.class);
		if (statuses != null) {
			statuses.stream().filter(Objects::nonNull).forEach(wanted::add);
		}
		SessionFilter filter = new SessionFilter(wanted, InstantParameter.parse("createdFrom", createdFrom),
				InstantParameter.parse("createdTo", createdTo), createdBy);
		if (cursor == null || cursor.isEmpty()) {
			return SessionPageResponse.of(this.sessions.list(filter, page.startOrDefault(), page.limitOrDefault()),
					filter);
		}
		if (page.start() != null) {
			throw new ProblemException(Problems.invalidField("cursor", "and start cannot be used together"));
		}
		KeysetCursor after = KeysetCursor.decode(cursor, filter.canonical());
		return SessionPageResponse
			.of(this.sessions.listAfter(filter, after.createdAt(), after.id(), page.limitOrDefault()), filter);
	}

	@Operation(summary = "Figures of all sessions", description = """
			How many sessions there are in each status (every status listed, zeros included) and \
			in all, and when the oldest active session was created. One statement over counts the \
			database keeps as sessions change: as fast at a million sessions as at ten.""")
	@ApiResponse(responseCode = "200", description = "The figures")
	@GetMapping("/stats")
	StatsResponse stats() {
		return StatsResponse.of(this.sessions.stats());
	}

	@Operation(summary = "Retrieve a specific user's session details", description = """
			The user's sessions, newest first, paged with `limit` and `start` like every list. A \
			user with no session gets an empty `items`.""")
	@ApiResponse(responseCode = "200", description = "The user's sessions")
	@GetMapping("/{userId}/sessions")
	UserSessionsResponse sessionsOf(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@ParameterObject PageQuery page) {
		return UserSessionsResponse.of(userId,
				this.sessions.sessionsOf(userId, page.startOrDefault(), page.limitOrDefault()));
	}

	@Operation(summary = "Create a session for user verification", description = """
			Starts a verification session for the user. The body and its `callback` are optional. \
			A user has at most one active session: creating while one is active is `409` with \
			`activeSessionId`. With an `Idempotency-Key`, repeating the same request within \
			{idempotency-window} answers the first answer again (`Idempotent-Replayed: true`) and \
			creates nothing. User ids beginning with `erased-` name erased users: `400`.""")
	@ApiResponse(responseCode = "200", description = "The new session",
			headers = {
					@Header(name = "Location", description = "The new session's URL",
							schema = @Schema(type = "string", format = "uri-reference")),
					@Header(name = "ETag", description = ETAG, schema = @Schema(type = "string", example = "\"1\"")),
					@Header(name = "Idempotent-Replayed",
							description = "`true` when this answers an earlier request with the same key",
							schema = @Schema(type = "boolean")) })
	@ApiResponse(responseCode = "409", description = "The user already has an active session", content = @Content(
			mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			examples = @ExampleObject("""
					{"type":"urn:ekyc:problem:active-session-exists","title":"Active session exists","status":409,
					 "detail":"The user already has an active session; finish or cancel it before starting another.",
					 "instance":"/ekyc/admin/user-42/sessions","activeSessionId":"0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10"}""")))
	@ApiResponse(responseCode = "422", description = "The `Idempotency-Key` was used for a different request")
	@PostMapping("/{userId}/sessions")
	ResponseEntity<SessionResponse> create(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					description = "Optional; at most 16 KiB") @RequestBody(
							required = false) @Nullable CreateSessionRequest request,
			@Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = """
					1 to 255 characters; the same key from the same caller within {idempotency-window} \
					replays the first answer""", schema = @Schema(minLength = 1, maxLength = 255)) @RequestHeader(
					name = "Idempotency-Key",
					required = false) @Nullable @Size(min = 1, max = 255) String idempotencyKey,
			@Parameter(hidden = true) Caller caller) {
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

	@Operation(summary = "Retrieve the session status of a specific user",
			description = "The status of the user's newest session.")
	@ApiResponse(responseCode = "200", description = "The user's status")
	@ApiResponse(responseCode = "404", description = "The user has no session")
	@GetMapping("/{userId}/status")
	StatusResponse status(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId) {
		return StatusResponse.of(this.sessions.newestOf(userId));
	}

	@Operation(summary = "Retrieve one session of a user",
			description = "One session by its id. A session of another user is not found.")
	@ApiResponse(responseCode = "200", description = "The session",
			headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = "string", example = "\"1\"")))
	@ApiResponse(responseCode = "404", description = "The user has no such session")
	@GetMapping("/{userId}/sessions/{sessionId}")
	ResponseEntity<SessionResponse> get(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@Parameter(description = "The session's id",
					example = "0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10") @PathVariable UUID sessionId) {
		SessionResponse body = SessionResponse.of(this.sessions.get(userId, sessionId));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@Operation(summary = "Change the status of a session", description = """
			Moves the session to another status. Allowed moves: {allowed-moves} Asking for the \
			status the session already has changes nothing. With `If-Match: "<version>"` the change \
			happens only if the session is still at that version. Every change is recorded in the \
			history and sent to the session's callback URL, signed.""")
	@ApiResponse(responseCode = "200", description = "The session after the change",
			headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = "string", example = "\"1\"")))
	@ApiResponse(responseCode = "404", description = "The user has no such session")
	@ApiResponse(responseCode = "409", description = "The move is not allowed; the problem lists the allowed ones",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = @ExampleObject("""
					{"type":"urn:ekyc:problem:status-change-not-allowed","title":"Status change not allowed",
					 "status":409,"detail":"A session in CREATED cannot move to APPROVED.",
					 "instance":"/ekyc/admin/user-42/sessions/0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10/status",
					 "currentStatus":"CREATED","allowedStatuses":["IN_PROGRESS","SUBMITTED","CANCELLED"]}""")))
	@ApiResponse(responseCode = "412", description = "The session is no longer at the version `If-Match` names")
	@PostMapping("/{userId}/sessions/{sessionId}/status")
	ResponseEntity<SessionResponse> changeStatus(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@Parameter(description = "The session's id") @PathVariable UUID sessionId,
			@RequestBody @Valid ChangeStatusRequest request,
			@Parameter(name = "If-Match", in = ParameterIn.HEADER,
					description = "The session's ETag (`\"<version>\"`) the change is meant for") @RequestHeader(
							name = "If-Match", required = false) @Nullable String ifMatch,
			@Parameter(hidden = true) Caller caller) {
		SessionResponse body = SessionResponse.of(this.sessions.changeStatus(userId, sessionId, request.status(),
				request.reason(), caller.actor(), IfMatch.versions(ifMatch)));
		return ResponseEntity.ok().eTag(body.etag()).body(body);
	}

	@Operation(summary = "Retrieve the history of a session", description = """
			Every status change of the session, creation included, oldest first; paged with `limit` \
			and `start`.""")
	@ApiResponse(responseCode = "200", description = "The history")
	@ApiResponse(responseCode = "404", description = "The user has no such session")
	@GetMapping("/{userId}/sessions/{sessionId}/events")
	SessionEventResponse.History history(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@Parameter(description = "The session's id") @PathVariable UUID sessionId,
			@ParameterObject PageQuery page) {
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
