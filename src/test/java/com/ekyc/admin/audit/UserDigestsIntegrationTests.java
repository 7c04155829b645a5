package com.ekyc.admin.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.ekyc.admin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digests of user ids are HMAC-SHA256 under the one key the database keeps (made by
 * the migrations): every instance, and verification after a restart, compute the same.
 */
class UserDigestsIntegrationTests extends IntegrationTest {

	@Autowired
	private UserDigests digests;

	@Test
	void digestsUnderTheKeyTheDatabaseKeeps() throws Exception {
		byte[] key = jdbc().sql("select user_digest_key from audit_keys").query(byte[].class).single();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));

		assertThat(key).hasSize(32);
		assertThat(this.digests.of("user-42"))
			.isEqualTo(HexFormat.of().formatHex(mac.doFinal("user-42".getBytes(StandardCharsets.UTF_8))));
	}

}
