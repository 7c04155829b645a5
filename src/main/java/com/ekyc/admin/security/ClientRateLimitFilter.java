package com.ekyc.admin.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.ekyc.admin.web.ProblemResponseWriter;
import com.ekyc.admin.web.Problems;

/**
 * Limits each authenticated caller (actor) to {@code ekyc.rate-limit.*} with a token
 * bucket per caller (Bucket4j), so that one client's burst does not slow the others.
 * Answers carry the {@code RateLimit-Policy} and {@code RateLimit} fields of the IETF
 * draft; a caller over the limit gets {@code 429} with {@code Retry-After}. Part of the
 * security filter chain, right after the token is checked.
 */
class ClientRateLimitFilter extends OncePerRequestFilter {

	private static final String POLICY = "\"per-client\"";

	// At most this many callers' buckets are kept; an idle caller's bucket is full
	// again after burst / rate seconds, so forgetting it loses nothing.
	private static final int MAX_CALLERS = 100_000;

	private final RateLimitProperties limits;

	private final ProblemResponseWriter problems;

	private final Cache<String, Bucket> buckets;

	private final String policyHeader;

	ClientRateLimitFilter(RateLimitProperties limits, ProblemResponseWriter problems) {
		this.limits = limits;
		this.problems = problems;
		long refillSeconds = Math.max(1, ceilDiv(limits.burst(), Math.max(1, limits.requestsPerSecond())));
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_CALLERS)
			.expireAfterAccess(Duration.ofSeconds(refillSeconds))
			.build();
		this.policyHeader = POLICY + ";q=" + limits.burst() + ";w=" + refillSeconds;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limits.enabled();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (!(caller instanceof JwtAuthenticationToken)) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe = this.buckets.get(caller.getName(), (actor) -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		response.setHeader("RateLimit-Policy", this.policyHeader);
		response.setHeader("RateLimit",
				POLICY + ";r=" + probe.getRemainingTokens() + ";t=" + secondsUntilFull(probe.getRemainingTokens()));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		this.problems.write(request, response,
				Problems.of(HttpStatus.TOO_MANY_REQUESTS,
						"This client made more than " + this.limits.requestsPerSecond()
								+ " requests per second (bursts up to " + this.limits.burst() + "); try again in "
								+ retryAfter + " s."));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.limits.burst())
				.refillGreedy(this.limits.requestsPerSecond(), Duration.ofSeconds(1)))
			.build();
	}

	private long secondsUntilFull(long remaining) {
		return ceilDiv(this.limits.burst() - remaining, this.limits.requestsPerSecond());
	}

	private static long ceilDiv(long dividend, long divisor) {
		return (dividend + divisor - 1) / divisor;
	}

}
