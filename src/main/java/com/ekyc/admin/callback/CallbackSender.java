package com.ekyc.admin.callback;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import javax.net.ssl.SSLException;

import io.micrometer.common.KeyValue;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.ekyc.admin.egress.CallbackAddressGuard;

/**
 * Sends one attempt of a delivery: a signed Standard Webhooks {@code POST} through a
 * {@link RestClient} (observed as {@code http.client.requests}) over one Apache HTTP
 * client built once: one deadline per attempt ({@link ExchangeLimits}), no redirects, no
 * retries of its own, connections only to checked public addresses, and at most 1 KiB of
 * the answer read.
 */
class CallbackSender implements DisposableBean {

	static final String USER_AGENT = "ekyc-admin-callbacks/1";

	private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private final CloseableHttpClient httpClient;

	private final RestClient client;

	private final WebhookSigner signer;

	private final Duration timeout;

	private final Clock clock;

	CallbackSender(RestClient.Builder clients, CallbackProperties properties, CallbackAddressGuard guard,
			WebhookSigner signer, TaskScheduler scheduler, Clock clock) {
		this.signer = signer;
		this.timeout = properties.timeout();
		this.clock = clock;
		// The deadline of ExchangeLimits ends an attempt; the client's own timeouts only
		// catch what it would miss, so a stalled receiver always gets the same message.
		Timeout safetyNet = Timeout.of(this.timeout.plusSeconds(1));
		this.httpClient = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(guard.dnsResolver())
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(safetyNet).setSocketTimeout(safetyNet).build())
				.setMaxConnTotal(properties.workers() * 2)
				.setMaxConnPerRoute(properties.workers())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(safetyNet)
				.setResponseTimeout(safetyNet)
				.setRedirectsEnabled(false)
				.build())
			.addExecInterceptorFirst("exchange-limits", new ExchangeLimits(scheduler, this.timeout))
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(USER_AGENT)
			.build();
		this.client = clients.requestFactory(new HttpComponentsClientHttpRequestFactory(this.httpClient))
			.observationConvention(new ReceiverObservationConvention())
			.build();
	}

	AttemptResult send(CallbackDelivery delivery) {
		long timestamp = this.clock.instant().getEpochSecond();
		String webhookId = delivery.getId().toString();
		// Only finished deliveries of erased sessions lose them; pending ones are sent.
		URI url = URI.create(Objects.requireNonNull(delivery.getUrl(), "a pending delivery has a URL"));
		String payload = Objects.requireNonNull(delivery.getPayload(), "a pending delivery has a payload");
		long started = System.nanoTime();
		try {
			return this.client.post()
				.uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.header("webhook-id", webhookId)
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", this.signer.sign(webhookId, timestamp, payload))
				.body(payload.getBytes(StandardCharsets.UTF_8))
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					return AttemptResult.answered(status, (status == 429 || status == 503)
							? retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)) : null);
				});
		}
		catch (ResourceAccessException ex) {
			boolean pastDeadline = System.nanoTime() - started >= this.timeout.toNanos();
			return AttemptResult.unanswered(pastDeadline ? "no answer from " + url.getHost() + " within " + seconds()
					: describe(ex.getCause(), url));
		}
		catch (RuntimeException ex) {
			return AttemptResult.unanswered("the attempt failed: " + ex.getMessage());
		}
	}

	/**
	 * What went wrong, as a sentence for the delivery log.
	 */
	private static String describe(@Nullable Throwable ex, URI url) {
		String host = url.getHost();
		if (ex instanceof CallbackAddressGuard.RefusedAddressException) {
			return ex.getMessage();
		}
		if (ex instanceof UnknownHostException) {
			return "could not resolve " + host;
		}
		if (ex instanceof ConnectException) {
			return "could not connect to " + url.getAuthority() + " (connection refused)";
		}
		if (ex instanceof SSLException) {
			return "the TLS handshake with " + host + " failed: " + ex.getMessage();
		}
		if (ex instanceof NoHttpResponseException) {
			return host + " closed the connection without answering";
		}
		return "the connection to " + host + " failed"
				+ ((ex instanceof IOException && ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	private String seconds() {
		return (this.timeout.toMillis() % 1000 == 0) ? this.timeout.toSeconds() + " s"
				: this.timeout.toMillis() + " ms";
	}

	private @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String value = header.trim();
		try {
			Duration wait = value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
					: Duration.between(this.clock.instant(),
							ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			if (wait.isNegative()) {
				return null;
			}
			return (wait.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : wait;
		}
		catch (NumberFormatException | DateTimeParseException | ArithmeticException ex) {
			return null;
		}
	}

	@Override
	public void destroy() throws IOException {
		this.httpClient.close();
	}

	/**
	 * Callbacks go to as many hosts as callers name: one {@code client.name} for all of
	 * them keeps the metrics' series bounded.
	 */
	private static final class ReceiverObservationConvention extends DefaultClientRequestObservationConvention {

		@Override
		protected KeyValue clientName(ClientRequestObservationContext context) {
			return KeyValue.of("client.name", "callback-receiver");
		}

	}

}
