package com.ekyc.admin.session.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import com.ekyc.admin.web.Problems;

/**
 * Reads an {@code If-Match} header holding a session's ETag ({@code "<version>"}).
 */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The version the header names, or {@code null} when there is no header or it is
	 * {@code *}.
	 */
	static @Nullable Long version(@Nullable String header) {
		if (header == null || header.isBlank() || header.trim().equals("*")) {
			return null;
		}
		String value = header.trim();
		if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
			try {
				return Long.parseLong(value.substring(1, value.length() - 1));
			}
			catch (NumberFormatException ex) {
				// Falls through to the problem below.
			}
		}
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
				Problems.invalidRequest("If-Match must be a session's ETag, such as \"3\".",
						List.of(new Problems.FieldError("If-Match", "must be a quoted version such as \"3\""))),
				null);
	}

}
