package com.ekyc.admin.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keyed digest (HMAC-SHA256) of a user id that audit records keep beside the id: the
 * hash chain covers the digest, so erasure can replace the id by a pseudonym; and without
 * the key a list of known ids cannot be matched against the digests of erased users. The
 * key is made at random by the first start and kept in the database.
 */
@Component
public class UserDigests {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	UserDigests(JdbcClient jdbc) {
		byte[] candidate = new byte[32];
		new SecureRandom().nextBytes(candidate);
		// Several instances may start at once: the first key written is everyone's.
		jdbc.sql("insert into audit_keys (user_digest_key) values (?) on conflict do nothing")
			.param(candidate)
			.update();
		byte[] stored = jdbc.sql("select user_digest_key from audit_keys").query(byte[].class).single();
		this.key = new SecretKeySpec(stored, ALGORITHM);
	}

	/**
	 * The digest of a user id, as 64 hexadecimal digits.
	 */
	public String of(String userId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("Every Java runtime has " + ALGORITHM, ex);
		}
	}

}
