package com.ekyc.admin.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keyed digest (HMAC-SHA256) of a user id that audit records keep beside the id: the
 * hash chain covers the digest, so erasure can replace the id by a pseudonym; and without
 * the key a list of known ids cannot be matched against the digests of erased users. The
 * key is made at random by the migrations and kept in the database.
 */
@Component
public class UserDigests {

	private static final String ALGORITHM = "HmacSHA256";

	private final JdbcClient jdbc;

	// Read at first use, not at start-up: a start without a database (the image's class
	// data sharing training run) must not need it.
	private volatile @Nullable SecretKeySpec key;

	// A Mac per thread, made with the key once: making one costs more than a digest.
	private final ThreadLocal<@Nullable Mac> macs = new ThreadLocal<>();

	UserDigests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The digest of a user id, as 64 hexadecimal digits.
	 */
	public String of(String userId) {
		Mac mac = this.macs.get();
		if (mac == null) {
			mac = newMac();
			this.macs.set(mac);
		}
		return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key());
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("Every Java runtime has " + ALGORITHM, ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec known = this.key;
		if (known == null) {
			known = new SecretKeySpec(loadKey(), ALGORITHM);
			this.key = known;
		}
		return known;
	}

	// Made by the migrations (V7).
	private byte[] loadKey() {
		return this.jdbc.sql("select user_digest_key from audit_keys").query(byte[].class).single();
	}

}
