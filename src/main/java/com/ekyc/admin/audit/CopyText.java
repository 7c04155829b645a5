package com.ekyc.admin.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Audit records as the rows of PostgreSQL's {@code COPY} text format, in the columns of
 * {@link AuditWriter}'s copy: tab between fields, a newline after each row, {@code \N}
 * for null, and a backslash before the characters that would otherwise end a field or a
 * row.
 */
final class CopyText {

	private static final String NULL = "\\N";

	private CopyText() {
	}

	static byte[] rows(List<AuditRecord> records) {
		StringBuilder text = new StringBuilder(records.size() * 256);
		for (AuditRecord record : records) {
			text.append(record.occurredAt()).append('\t');
			field(text, record.actor()).append('\t');
			field(text, record.issuer()).append('\t');
			field(text, record.operation()).append('\t');
			field(text, record.userId()).append('\t');
			field(text, record.userDigest()).append('\t');
			field(text, record.sessionIdText()).append('\t');
			text.append(record.status()).append('\t');
			field(text, record.requestId()).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static StringBuilder field(StringBuilder text, @Nullable String value) {
		if (value == null) {
			return text.append(NULL);
		}
		int first = firstToEscape(value);
		if (first == value.length()) {
			// The common case, appended whole: char by char was most of a batch's cost.
			return text.append(value);
		}
		text.append(value, 0, first);
		for (int i = first; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
		return text;
	}

	private static int firstToEscape(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return i;
			}
		}
		return value.length();
	}

}
