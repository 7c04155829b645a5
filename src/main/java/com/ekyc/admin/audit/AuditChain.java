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
 * <p>
 * One instance links one run of records, on one thread: it keeps its digest from record
 * to record, as the sealer and the verifier link thousands at a time.
 */
final class AuditChain {

	/** What the first record of a chain follows. */
	static final String START = "0".repeat(64);

	private final MessageDigest sha256 = Sha256.digest();

	private final ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);

	/**
	 * The record's hash, following the previous record's hash (hexadecimal, as
	 * {@link #hex} gives it).
	 */
	byte[] link(String previousHash, AuditRecord record) {
		this.sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
		field(String.valueOf(Objects.requireNonNull(record.id(), "an unwritten record has no link")));
		field(record.occurredAt().toString());
		field(record.actor());
		field(record.issuer());
		field(record.operation());
		field(record.userDigest());
		field(record.sessionIdText());
		field(String.valueOf(record.status()));
		field(record.requestId());
		return this.sha256.digest();
	}

	/**
	 * A hash as the chain links it and the API shows it: 64 hexadecimal digits.
	 */
	static String hex(byte[] hash) {
		return HexFormat.of().formatHex(hash);
	}

	private void field(@Nullable String value) {
		if (value == null) {
			updateLength(-1);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		updateLength(bytes.length);
		this.sha256.update(bytes);
	}

	private void updateLength(int length) {
		this.sha256.update(this.length.clear().putInt(length).array());
	}

}
