package com.ekyc.admin.audit.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A page of the audit trail.
 */
@Schema(name = "AuditPage", description = "A page of audit records, newest first.")
record AuditPageResponse(List<AuditRecordResponse> items, @Schema(nullable = true,
		description = "Send back as `cursor` for the next page; null when nothing follows") @Nullable String nextCursor) {

}
