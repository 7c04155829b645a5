package com.ekyc.admin.session.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.session.SessionStatus;
import com.ekyc.admin.web.PlainText;
import com.ekyc.admin.web.TextRules;

/**
 * The body of a status change.
 *
 * @param status the status to move to, by its exact name
 * @param reason why, for the history and the callback
 */
record ChangeStatusRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "APPROVED",
		description = "The status to move to, by its exact name; EXPIRED is set only by the service") @NotNull SessionStatus status,
		@Schema(maxLength = 500, nullable = true, pattern = TextRules.PLAIN_TEXT, example = "documents verified",
				description = "Why; at most 500 characters, without NUL, unpaired surrogates or Unicode format characters") @Size(
						max = 500) @PlainText @Nullable String reason) {

}
