package com.ekyc.admin.session.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.web.PlainText;
import com.ekyc.admin.web.TextRules;

/**
 * The optional body of a create request.
 *
 * @param callback where status changes of the session are sent
 */
record CreateSessionRequest(@Schema(description = """
		Absolute https URL that receives a signed callback at every status change of the session. \
		At most 2,048 characters, no user-info, and its host must not be or resolve to a loopback, \
		private, link-local, carrier-grade NAT, multicast or unspecified address. \
		Without it, the configured default callback URL applies, if any.""", maxLength = 2048,
		pattern = TextRules.PLAIN_TEXT, example = "https://client.example/ekyc/callback",
		nullable = true) @PlainText @Nullable String callback) {

}
