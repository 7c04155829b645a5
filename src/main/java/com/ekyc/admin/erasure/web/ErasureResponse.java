package com.ekyc.admin.erasure.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import com.ekyc.admin.erasure.UserErasure;

/**
 * What an erasure did.
 */
@Schema(name = "Erasure")
record ErasureResponse(@Schema(example = "user-42") String userId,
		@Schema(example = "erased-5f0c2b1e-8d3a-4c7e-9b21-0d6f3a2e4b10",
				description = "What replaced the user id on every session, event and audit record") String pseudonym,
		@Schema(example = "3", description = "How many sessions were erased") int sessions, Instant erasedAt) {

	static ErasureResponse of(UserErasure.Erasure erasure) {
		return new ErasureResponse(erasure.userId(), erasure.pseudonym(), erasure.sessions(), erasure.erasedAt());
	}

}
