package com.ekyc.admin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.ekyc.admin.web.Sha256;

/**
 * Remembers tokens that passed every check for up to five minutes, never past the point
 * where the expiry check would refuse them, so that a client reusing its token is not
 * verified (RSA, claim conversion) on every call. A service account sends the same token
 * until shortly before it expires; a JWT here cannot be revoked, so what was valid at its
 * first use stays valid until {@code exp}; the five minutes bound how long a key the
 * issuer withdraws is still honoured. Tokens that fail are not remembered: a wrong token
 * is checked, and refused, every time. Keyed by a SHA-256 hash, and bounded in number:
 * the tokens themselves are not kept.
 */
final class VerifiedTokens implements JwtDecoder {

	static final Duration LONGEST_KEPT = Duration.ofMinutes(5);

	private final JwtDecoder decoder;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder decoder, int maximumSize) {
		this.decoder = decoder;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilExpired()).build();
	}

	@Override
	public Jwt decode(String token) {
		String key = Sha256.hex(token);
		Jwt jwt = this.verified.getIfPresent(key);
		if (jwt != null) {
			return jwt;
		}
		jwt = this.decoder.decode(token);
		this.verified.put(key, jwt);
		return jwt;
	}

	/**
	 * How many tokens are remembered now.
	 */
	long kept() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	/**
	 * Keeps a token for five minutes or, if sooner, until the expiry check would refuse
	 * it: {@code exp} plus the allowed clock skew (every verified token has an
	 * {@code exp}).
	 */
	private static final class UntilExpired implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
			Instant acceptedUntil = Objects.requireNonNull(jwt.getExpiresAt())
				.plus(TokenDecoderConfiguration.CLOCK_SKEW);
			Instant keptUntil = Instant.now().plus(LONGEST_KEPT);
			return Math.max(0, Duration.between(Instant.now(), min(acceptedUntil, keptUntil)).toNanos());
		}

		private static Instant min(Instant first, Instant second) {
			return first.isBefore(second) ? first : second;
		}

		@Override
		public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(key, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
