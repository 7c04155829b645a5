package com.ekyc.admin.security;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's signing keys: fetched from {@code jwk-set-uri}, or from the
 * {@code jwks_uri} of the issuer's metadata when only the issuer is configured, cached,
 * and fetched again at most once per {@link #MIN_REFRESH_INTERVAL} however many tokens
 * name a key it does not know, so that a flood of made-up key ids cannot be turned
 * against the identity provider. While the issuer is unreachable the last keys it gave
 * keep verifying tokens.
 */
final class IssuerKeys {

	/** The shortest time between two fetches of the issuer's keys. */
	static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(IssuerKeys.class);

	private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

	private static final Duration OUTAGE_TOLERANCE = Duration.ofHours(6);

	private static final int HTTP_TIMEOUT_MILLIS = 2000;

	private static final int MAX_DOCUMENT_BYTES = 256 * 1024;

	private final RateLimitedFetch fetch;

	private final JWKSource<SecurityContext> source;

	IssuerKeys(String issuer, @Nullable String jwkSetUri) {
		this(issuer, jwkSetUri, TimeMeter.SYSTEM_MILLISECONDS);
	}

	IssuerKeys(String issuer, @Nullable String jwkSetUri, TimeMeter clock) {
		ResourceRetriever http = new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS,
				MAX_DOCUMENT_BYTES);
		JWKSetSource<SecurityContext> keys = (jwkSetUri != null) ? new URLBasedJWKSetSource<>(url(jwkSetUri), http)
				: new DiscoveredKeys(issuer, http);
		this.fetch = new RateLimitedFetch(keys, clock);
		this.source = JWKSourceBuilder.create(this.fetch)
			.cache(CACHE_TIME_TO_LIVE.toMillis(), HTTP_TIMEOUT_MILLIS * 2L)
			.refreshAheadCache(false)
			// Rate limited below, once per interval: Nimbus's own limiter allows two.
			.rateLimited(false)
			.outageTolerant(OUTAGE_TOLERANCE.toMillis())
			.build();
	}

	JWKSource<SecurityContext> source() {
		return this.source;
	}

	/**
	 * Whether the issuer's keys were ever fetched: if not, a token cannot be judged at
	 * all, which is the service's trouble, not the caller's.
	 */
	boolean everLoaded() {
		return this.fetch.loaded;
	}

	private static URL url(String uri) {
		try {
			return URI.create(uri).toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("Not a valid URL for the issuer's keys: " + uri, ex);
		}
	}

	/**
	 * Lets one fetch through per interval: a bucket of one token that fills again
	 * gradually over the interval, so that the next fetch is a whole interval after the
	 * last, not at the next tick of a fixed clock.
	 */
	private static final class RateLimitedFetch implements JWKSetSource<SecurityContext> {

		private final JWKSetSource<SecurityContext> keys;

		private final Bucket fetches;

		private volatile boolean loaded;

		private RateLimitedFetch(JWKSetSource<SecurityContext> keys, TimeMeter clock) {
			this.keys = keys;
			this.fetches = Bucket.builder()
				.withCustomTimePrecision(clock)
				.addLimit((limit) -> limit.capacity(1).refillGreedy(1, MIN_REFRESH_INTERVAL))
				.build();
		}

		@Override
		public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
				throws KeySourceException {
			if (!this.fetches.tryConsume(1)) {
				throw new RateLimitReachedException();
			}
			try {
				JWKSet keys = this.keys.getJWKSet(refreshEvaluator, currentTime, context);
				this.loaded = true;
				return keys;
			}
			catch (KeySourceException ex) {
				logger.warn("Could not fetch the token issuer's keys: {}", ex.getMessage());
				throw ex;
			}
		}

		@Override
		public void close() throws IOException {
			this.keys.close();
		}

	}

	/**
	 * The keys at the {@code jwks_uri} that the issuer's OpenID Connect or RFC 8414
	 * metadata names, looked up at the first fetch.
	 */
	private static final class DiscoveredKeys implements JWKSetSource<SecurityContext> {

		private final String issuer;

		private final ResourceRetriever http;

		private volatile @Nullable URLBasedJWKSetSource<SecurityContext> keys;

		private DiscoveredKeys(String issuer, ResourceRetriever http) {
			this.issuer = issuer;
			this.http = http;
		}

		@Override
		public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
				throws KeySourceException {
			URLBasedJWKSetSource<SecurityContext> found = this.keys;
			if (found == null) {
				found = new URLBasedJWKSetSource<>(url(discoverJwksUri()), this.http);
				this.keys = found;
			}
			return found.getJWKSet(refreshEvaluator, currentTime, context);
		}

		private String discoverJwksUri() throws KeySourceException {
			URI issuerUri = URI.create(this.issuer);
			String path = (issuerUri.getRawPath() != null) ? issuerUri.getRawPath().replaceAll("/$", "") : "";
			List<URI> candidates = List.of(
					URI.create(this.issuer.replaceAll("/$", "") + "/.well-known/openid-configuration"),
					issuerUri.resolve("/.well-known/oauth-authorization-server" + path));
			for (URI candidate : candidates) {
				try {
					Map<String, Object> metadata = JSONObjectUtils
						.parse(this.http.retrieveResource(candidate.toURL()).getContent());
					if (!this.issuer.equals(metadata.get("issuer"))) {
						throw new KeySourceException("The metadata at " + candidate + " names another issuer");
					}
					if (metadata.get("jwks_uri") instanceof String jwksUri) {
						return jwksUri;
					}
				}
				catch (IOException | ParseException ex) {
					// Try the next place the metadata may be.
				}
			}
			throw new KeySourceException("No issuer metadata with a jwks_uri found for " + this.issuer);
		}

		@Override
		public void close() throws IOException {
			URLBasedJWKSetSource<SecurityContext> found = this.keys;
			if (found != null) {
				found.close();
			}
		}

	}

}
