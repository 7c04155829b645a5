package com.ekyc.admin.audit.web;

import java.time.Instant;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.ekyc.admin.audit.AuditFilter;
import com.ekyc.admin.audit.AuditRecord;
import com.ekyc.admin.audit.AuditSearch;
import com.ekyc.admin.database.KeysetPage;
import com.ekyc.admin.security.ApiOperation;
import com.ekyc.admin.web.InstantParameter;
import com.ekyc.admin.web.PageQuery;
import com.ekyc.admin.web.PlainText;
import com.ekyc.admin.web.ProblemException;
import com.ekyc.admin.web.Problems;
import com.ekyc.admin.web.Sha256;
import com.ekyc.admin.web.UserId;

/**
 * The audit trail: who called which operation about whom, and the verification of its
 * hash chain.
 */
@RestController
@RequestMapping(path = "/ekyc/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "Who read or changed whose verification, tamper-evident")
class AuditController {

	private final AuditSearch audit;

	AuditController(AuditSearch audit) {
		this.audit = audit;
	}

	@Operation(summary = "Search the audit trail", description = """
			Every authenticated request under `/ekyc/admin` for one of its operations, whatever its \
			outcome (a request refused for a missing permission too), newest first. Changes are \
			recorded with the change; reads within a second. Filters combine; `from` is inclusive, \
			`to` exclusive. Page with `limit` and `cursor` (the `nextCursor` of the previous page, \
			with the same filters); `start` is not taken here.""")
	@ApiResponse(responseCode = "200", description = "A page of audit records")
	@GetMapping
	AuditPageResponse search(@ParameterObject PageQuery page,
			@Parameter(description = "Only records about this user (or this pseudonym)") @RequestParam(
					required = false) @Nullable @UserId String userId,
			@Parameter(description = "Only records of this actor") @RequestParam(required = false) @Nullable @Size(
					min = 1, max = 255) @PlainText String actor,
			@Parameter(description = "Only records of this operation",
					schema = @Schema(type = "string",
							allowableValues = { "session.list", "session.get", "session.create", "session.status",
									"session.events", "callbacks.get", "callbacks.retry", "user.erase",
									"audit.read" })) @RequestParam(required = false) @Nullable String operation,
			@Parameter(description = "Only records at or after this instant; " + InstantParameter.DESCRIPTION,
					schema = @Schema(type = "string", format = "date-time")) @RequestParam(
							required = false) @Nullable String from,
			@Parameter(description = "Only records before this instant; " + InstantParameter.DESCRIPTION,
					schema = @Schema(type = "string", format = "date-time")) @RequestParam(
							required = false) @Nullable String to,
			@Parameter(description = "The `nextCursor` of the previous page",
					schema = @Schema(type = "string", maxLength = AuditCursor.MAX_LENGTH)) @RequestParam(
							required = false) @Nullable String cursor) {
		if (page.start() != null) {
			throw new ProblemException(Problems.invalidField("start", "is not taken here: page with cursor"));
		}
		if (operation != null && !ApiOperation.NAMES.contains(operation)) {
			throw new ProblemException(
					Problems.invalidField("operation", "must be one of " + String.join(", ", ApiOperation.NAMES)));
		}
		Instant fromInstant = InstantParameter.parse("from", from);
		Instant toInstant = InstantParameter.parse("to", to);
		AuditFilter filter = new AuditFilter(userId, actor, operation, fromInstant, toInstant);
		String filterKey = filterKey(filter);
		Long beforeId = (cursor != null && !cursor.isEmpty()) ? AuditCursor.decode(cursor, filterKey).beforeId() : null;
		KeysetPage<AuditRecord> records = this.audit.search(filter, beforeId, page.limitOrDefault());
		String nextCursor = records.more()
				? new AuditCursor(Objects.requireNonNull(records.items().get(records.items().size() - 1).id()),
						filterKey)
					.encode()
				: null;
		return new AuditPageResponse(records.items().stream().map(AuditRecordResponse::of).toList(), nextCursor);
	}

	@Operation(summary = "Verify the audit trail's hash chain", description = """
			Recomputes the SHA-256 hash chain from the stored fields of every sealed record, from \
			the first kept one. Records are sealed within seconds of being written. Answers \
			`valid: false` with the id of the first record that does not match when a record was \
			changed, removed or reordered. One verification runs at a time per instance: a call \
			made while one runs gets that one's answer.""")
	@ApiResponse(responseCode = "200", description = "What the verification found")
	@GetMapping("/verify")
	VerificationResponse verify() {
		return VerificationResponse.of(this.audit.verify());
	}

	// The filter a cursor is kept for, as a digest: short, whatever the filter's text.
	private static String filterKey(AuditFilter filter) {
		String text = String.join("\n", String.valueOf(filter.userId()), String.valueOf(filter.actor()),
				String.valueOf(filter.operation()), String.valueOf(filter.from()), String.valueOf(filter.to()));
		return Sha256.shortHex(text);
	}

}
