package com.ekyc.admin.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.ekyc.admin.web.Sha256;

/**
 * The links of the hash chain: each record's hash is SHA-256 over the previous record's
 * hash and the record's fields, each field length-prefixed so that no two different
 * records read the same. The user is covered by its keyed digest, not its id, so that
 * erasure can replace the id and the chain still holds.
 */
final class AuditChain {

	/** What the first record of a chain follows. */
	static final String START = "0".repeat(64);

	private AuditChain() {
	}

	static String link(String previousHash, AuditRecord record) {
		MessageDigest sha256 = Sha256.digest();
		sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
		field(sha256, String.valueOf(Objects.requireNonNull(record.id(), "an unwritten record has no link")));
		field(sha256, record.occurredAt().toString());
		field(sha256, record.actor());
		field(sha256, record.issuer());
		field(sha256, record.operation());
		field(sha256, record.userDigest());
		field(sha256, (record.sessionId() != null) ? record.sessionId().toString() : null);
		field(sha256, String.valueOf(record.status()));
		field(sha256, record.requestId());
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static void field(MessageDigest sha256, @Nullable String value) {
		if (value == null) {
			sha256.update(ByteBuffer.allocate(4).putInt(-1).array());
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
		sha256.update(bytes);
	}

}
