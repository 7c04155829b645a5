package com.ekyc.admin.erasure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.ekyc.admin.erasure.UserErasure;
import com.ekyc.admin.security.Caller;
import com.ekyc.admin.web.UserId;

/**
 * Erasure of a user on request.
 */
@RestController
@RequestMapping(path = "/ekyc/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Erasure", description = "Erase what is stored about a user")
class ErasureController {

	private final UserErasure erasure;

	ErasureController(UserErasure erasure) {
		this.erasure = erasure;
	}

	@Operation(summary = "Erase a user", description = """
			Replaces the user id on every session, event and audit record of the user by one \
			pseudonym (`erased-<uuid>`) and removes callback URLs, reasons, callback payloads and \
			idempotency records of those sessions; pending callbacks are dropped. Statuses, \
			timestamps and counts stay. A user with an active session gets `409` (with \
			`activeSessionId`) unless `cancelActive=true`, which cancels it first (an ordinary \
			status change, whose callback is sent with the pseudonym). One transaction; the audit \
			trail keeps a `user.erase` record naming the actor and the pseudonym. A user with no \
			session, or erased already, is `404`, and so is a pseudonym. The cancel's callback keeps \
			its URL and payload only until it is delivered or has failed.""")
	@ApiResponse(responseCode = "200", description = "The user is erased")
	@ApiResponse(responseCode = "404", description = "Nothing is stored about the user, or the id is a pseudonym")
	@ApiResponse(responseCode = "409", description = "The user has an active session and `cancelActive` is not true")
	@DeleteMapping("/{userId}")
	ErasureResponse erase(
			@Parameter(description = UserId.DESCRIPTION, example = "user-42") @PathVariable @UserId String userId,
			@Parameter(description = "Cancel the user's active session first instead of refusing") @RequestParam(
					defaultValue = "false") boolean cancelActive,
			@RequestBody @Valid EraseUserRequest request, @Parameter(hidden = true) Caller caller) {
		return ErasureResponse.of(this.erasure.erase(userId, request.reason(), cancelActive, caller.actor()));
	}

}
