package com.ekyc.admin.session.web;

import java.util.List;
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

import com.ekyc.admin.security.Caller;
import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.web.PageQuery;
import com.ekyc.admin.web.UserId;

/**
 * The session endpoints as HTTP sees them: mappings, validation and the OpenAPI
 * description, declared here so that the controller reads as code. Errors every secured
 * operation shares (401, 403, 406, 500) are added by the OpenAPI configuration.
 */
@RequestMapping(path = "/ekyc/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sessions", description = "Create verification sessions and follow their status")
interface SessionApi {

	String PROBLEM = "application/problem+json";

	String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";

	String USER_ID = "The user's id: 1 to 255 characters, no control characters and no white space";

	@Operation(summary = "Admin list of user sessions", description = """
			Retrieves a list of user sessions for administrative oversight, newest first (by \
			`createdAt`, then `id`). Page with `limit` and `start`; `nextStart` is the `start` of \
			the next page, or null when nothing follows.""")
	@ApiResponse(responseCode = "200", description = "A page of sessions")
	@ApiResponse(responseCode = "400", description = "`limit`, `start` or `status` is not valid", content = @Content(
			mediaType = PROBLEM,
			examples = @ExampleObject("""
					{"type":"urn:ekyc:problem:invalid-request","title":"Invalid request","status":400,
					 "detail":"The request is not valid: limit must be less than or equal to 1024.",
					 "instance":"/ekyc/admin","errors":[{"field":"limit","message":"must be less than or equal to 1024"}]}""")))
	@GetMapping
	SessionPageResponse list(@ParameterObject @Valid PageQuery page,
			@Parameter(name = "status", in = ParameterIn.QUERY,
					description = "Only sessions in these statuses; repeat the parameter for several") @RequestParam(
							name = "status", required = false) @Nullable List<@Nullable SessionStatus> statuses);

	@Operation(summary = "Retrieve a specific user's session details", description = """
			The user's sessions, newest first, paged with `limit` and `start` like every list. A \
			user with no session gets an empty `items`.""")
	@ApiResponse(responseCode = "200", description = "The user's sessions")
	@ApiResponse(responseCode = "400", description = "`userId` is not valid",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@GetMapping("/{userId}/sessions")
	UserSessionsResponse sessionsOf(
			@Parameter(description = USER_ID, example = "user-42") @PathVariable @UserId String userId,
			@ParameterObject @Valid PageQuery page);

	@Operation(summary = "Create a session for user verification", description = """
			Starts a verification session for the user. The body and its `callback` are optional. \
			A user has at most one active session: creating while one is active is `409` with \
			`activeSessionId`. With an `Idempotency-Key`, repeating the same request within 24 hours \
			answers the first answer again (`Idempotent-Replayed: true`) and creates nothing.""")
	@ApiResponse(responseCode = "200", description = "The new session",
			headers = {
					@Header(name = "Location", description = "The new session's URL",
							schema = @Schema(type = "string", format = "uri-reference")),
					@Header(name = "ETag", description = "The session's version, quoted",
							schema = @Schema(type = "string", example = "\"1\"")),
					@Header(name = "Idempotent-Replayed",
							description = "`true` when this answers an earlier request with the same key",
							schema = @Schema(type = "boolean")) })
	@ApiResponse(responseCode = "400",
			description = "`userId`, the JSON body, `callback` or `Idempotency-Key` is not valid; unknown members are refused",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA),
					examples = @ExampleObject("""
							{"type":"urn:ekyc:problem:invalid-request","title":"Invalid request","status":400,
							 "detail":"callback must be an absolute https URL.","instance":"/ekyc/admin/user-42/sessions",
							 "errors":[{"field":"callback","message":"must be an absolute https URL"}]}""")))
	@ApiResponse(responseCode = "409", description = "The user already has an active session", content = @Content(
			mediaType = PROBLEM,
			examples = @ExampleObject("""
					{"type":"urn:ekyc:problem:active-session-exists","title":"Active session exists","status":409,
					 "detail":"The user already has an active session; finish or cancel it before starting another.",
					 "instance":"/ekyc/admin/user-42/sessions","activeSessionId":"0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10"}""")))
	@ApiResponse(responseCode = "413", description = "The body is larger than 16 KiB",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "415", description = "The body is not JSON",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "422", description = "The `Idempotency-Key` was used for a different request",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@PostMapping("/{userId}/sessions")
	ResponseEntity<SessionResponse> create(
			@Parameter(description = USER_ID, example = "user-42") @PathVariable @UserId String userId,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					description = "Optional; at most 16 KiB") @RequestBody(
							required = false) @Nullable CreateSessionRequest request,
			@Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
					description = "1 to 255 characters; the same key from the same caller within 24 hours replays the first answer",
					schema = @Schema(minLength = 1, maxLength = 255)) @RequestHeader(name = "Idempotency-Key",
							required = false) @Nullable @Size(min = 1, max = 255) String idempotencyKey,
			@Parameter(hidden = true) Caller caller);

	@Operation(summary = "Retrieve the session status of a specific user", description = """
			The status of the user's newest session.""")
	@ApiResponse(responseCode = "200", description = "The user's status")
	@ApiResponse(responseCode = "400", description = "`userId` is not valid",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "404", description = "The user has no session",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@GetMapping("/{userId}/status")
	StatusResponse status(@Parameter(description = USER_ID, example = "user-42") @PathVariable @UserId String userId);

	@Operation(summary = "Change the status of a session", description = """
			Moves the session to another status. Allowed moves: CREATED → IN_PROGRESS, SUBMITTED, \
			CANCELLED; IN_PROGRESS → SUBMITTED, CANCELLED; SUBMITTED → IN_REVIEW, APPROVED, REJECTED, \
			RESUBMISSION_REQUESTED, CANCELLED; IN_REVIEW → APPROVED, REJECTED, RESUBMISSION_REQUESTED, \
			CANCELLED; RESUBMISSION_REQUESTED → IN_PROGRESS, SUBMITTED, CANCELLED. APPROVED, REJECTED, \
			EXPIRED and CANCELLED are terminal; EXPIRED is set only by the service. Asking for the \
			status the session already has changes nothing. With `If-Match: "<version>"` the change \
			happens only if the session is still at that version. Every change is recorded in the \
			history and sent to the session's callback URL, signed.""")
	@ApiResponse(responseCode = "200", description = "The session after the change",
			headers = @Header(name = "ETag", description = "The session's version, quoted",
					schema = @Schema(type = "string", example = "\"1\"")))
	@ApiResponse(responseCode = "400", description = "The body, `reason` or `If-Match` is not valid",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "404", description = "The user has no such session",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "409", description = "The move is not allowed; the problem lists the allowed ones",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA),
					examples = @ExampleObject("""
							{"type":"urn:ekyc:problem:status-change-not-allowed","title":"Status change not allowed",
							 "status":409,"detail":"A session in CREATED cannot move to APPROVED.",
							 "instance":"/ekyc/admin/user-42/sessions/0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10/status",
							 "currentStatus":"CREATED","allowedStatuses":["IN_PROGRESS","SUBMITTED","CANCELLED"]}""")))
	@ApiResponse(responseCode = "412", description = "The session is no longer at the version `If-Match` names",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "413", description = "The body is larger than 16 KiB",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "415", description = "The body is not JSON",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@PostMapping("/{userId}/sessions/{sessionId}/status")
	ResponseEntity<SessionResponse> changeStatus(
			@Parameter(description = USER_ID, example = "user-42") @PathVariable @UserId String userId,
			@Parameter(description = "The session's id") @PathVariable UUID sessionId,
			@RequestBody @Valid ChangeStatusRequest request,
			@Parameter(name = "If-Match", in = ParameterIn.HEADER,
					description = "The session's ETag (`\"<version>\"`) the change is meant for") @RequestHeader(
							name = "If-Match", required = false) @Nullable String ifMatch,
			@Parameter(hidden = true) Caller caller);

	@Operation(summary = "Retrieve the history of a session",
			description = "Every status change of the session, creation included, oldest first; paged with `limit` and `start`.")
	@ApiResponse(responseCode = "200", description = "The history")
	@ApiResponse(responseCode = "400", description = "`userId` or `sessionId` is not valid",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "404", description = "The user has no such session",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@GetMapping("/{userId}/sessions/{sessionId}/events")
	SessionEventResponse.History history(
			@Parameter(description = USER_ID, example = "user-42") @PathVariable @UserId String userId,
			@Parameter(description = "The session's id") @PathVariable UUID sessionId,
			@ParameterObject @Valid PageQuery page);

	@Operation(summary = "Retrieve one session of a user", description = """
			One session by its id. A session of another user is not found.""")
	@ApiResponse(responseCode = "200", description = "The session",
			headers = @Header(name = "ETag", description = "The session's version, quoted",
					schema = @Schema(type = "string", example = "\"1\"")))
	@ApiResponse(responseCode = "400", description = "`userId` or `sessionId` is not valid",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@ApiResponse(responseCode = "404", description = "The user has no such session",
			content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
	@GetMapping("/{userId}/sessions/{sessionId}")
	ResponseEntity<SessionResponse> get(
			@Parameter(description = USER_ID, example = "user-42") @PathVariable @UserId String userId,
			@Parameter(description = "The session's id",
					example = "0b9c3c1e-6f7a-4a54-9d8e-3f1f4d6f2a10") @PathVariable UUID sessionId);

}
