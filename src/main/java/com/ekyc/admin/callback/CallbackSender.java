package com.ekyc.admin.callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * Sends one attempt of a delivery: a signed Standard Webhooks {@code POST} through one
 * HTTP client built once, with connect, read and overall timeouts, no redirects, no
 * retries of its own, connections only to checked public addresses, and at most 1 KiB of
 * the answer read.
 */
class CallbackSender implements DisposableBean {

	static final String USER_AGENT = "ekyc-admin-callbacks/1";

	private static final int MAX_ANSWER_BYTES = 1024;

	private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private final CloseableHttpClient client;

	private final WebhookSigner signer;

	private final Duration timeout;

	private final Clock clock;

	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "callback-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	CallbackSender(CallbackProperties properties, HostResolver resolver, WebhookSigner signer, Clock clock) {
		this.signer = signer;
		this.timeout = properties.timeout();
		this.clock = clock;
		// The one deadline of an attempt is the timer below; the client's own timeouts
		// only
		// catch what it would miss, so a stalled receiver always gets the same message.
		Timeout limit = Timeout.of(properties.timeout().plusSeconds(1));
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new PublicAddressResolver(resolver, properties.allowPrivateNetworks()))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(properties.workers() * 2)
				.setMaxConnPerRoute(properties.workers())
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(limit).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(USER_AGENT)
			.build();
	}

	AttemptResult send(CallbackDelivery delivery) {
		long timestamp = this.clock.instant().getEpochSecond();
		String webhookId = delivery.getId().toString();
		HttpPost post = new HttpPost(URI.create(delivery.getUrl()));
		post.setHeader("webhook-id", webhookId);
		post.setHeader("webhook-timestamp", Long.toString(timestamp));
		post.setHeader("webhook-signature", this.signer.sign(webhookId, timestamp, delivery.getPayload()));
		post.setEntity(new StringEntity(delivery.getPayload(), ContentType.APPLICATION_JSON));
		// Read and connect timeouts do not bound a receiver that answers a byte at a
		// time.
		ScheduledFuture<?> deadline = this.deadlines.schedule(post::cancel, this.timeout.toMillis(),
				TimeUnit.MILLISECONDS);
		try (CloseableHttpResponse response = this.client.execute(post)) {
			int status = response.getCode();
			readAtMostLimit(response.getEntity(), post);
			return AttemptResult.answered(status,
					(status == 429 || status == 503) ? retryAfter(response.getFirstHeader("Retry-After")) : null);
		}
		catch (IOException ex) {
			return AttemptResult.unanswered(post.isCancelled()
					? "no answer from " + post.getAuthority().getHostName() + " within " + seconds(this.timeout)
					: describe(ex, post));
		}
		catch (RuntimeException ex) {
			return AttemptResult.unanswered("the attempt failed: " + ex.getMessage());
		}
		finally {
			deadline.cancel(false);
		}
	}

	/**
	 * What went wrong, as a sentence for the delivery log.
	 */
	private static String describe(IOException ex, HttpPost post) {
		String host = post.getAuthority().getHostName();
		if (ex instanceof PublicAddressResolver.NonPublicAddressException) {
			return ex.getMessage();
		}
		if (ex instanceof UnknownHostException) {
			return "could not resolve " + host;
		}
		if (ex instanceof ConnectException) {
			return "could not connect to " + post.getAuthority() + " (connection refused)";
		}
		if (ex instanceof SSLException) {
			return "the TLS handshake with " + host + " failed: " + ex.getMessage();
		}
		if (ex instanceof NoHttpResponseException) {
			return host + " closed the connection without answering";
		}
		return "the connection to " + host + " failed: " + ex.getMessage();
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	private static void readAtMostLimit(@Nullable HttpEntity entity, HttpPost post) throws IOException {
		if (entity == null) {
			return;
		}
		InputStream body = entity.getContent();
		body.readNBytes(MAX_ANSWER_BYTES);
		if (body.read() != -1) {
			// Whatever the receiver says beyond the limit is not read: the connection is
			// dropped.
			post.cancel();
			return;
		}
		body.close();
	}

	private @Nullable Duration retryAfter(@Nullable Header header) {
		if (header == null) {
			return null;
		}
		String value = header.getValue().trim();
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
		this.deadlines.shutdownNow();
		this.client.close();
	}

}
