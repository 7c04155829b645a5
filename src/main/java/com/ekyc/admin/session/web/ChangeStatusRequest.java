package com.ekyc.admin.session.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.session.SessionStatus;

/**
 * The body of a status change.
 *
 * @param status the status to move to
 * @param reason why, for the history and the callback
 */
record ChangeStatusRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "APPROVED",
		description = "The status to move to; EXPIRED is set only by the service") @NotNull SessionStatus status,
		@Schema(maxLength = 500, nullable = true,
				example = "documents verified") @Size(max = 500) @Nullable String reason) {

}
