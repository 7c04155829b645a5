package com.ekyc.admin.callback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.client.RestClient;

import com.ekyc.admin.egress.CallbackAddressGuard;
import com.ekyc.admin.egress.CallbackAddressGuard.HostResolver;
import com.ekyc.admin.support.Receiver;
import com.ekyc.admin.support.Receiver.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The address is checked again at every attempt, against the address actually connected
 * to.
 */
class CallbackSenderTests {

	private static final Receiver receiver = Receiver.start();

	private static final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private static final List<CallbackSender> senders = new ArrayList<>();

	@BeforeAll
	static void startScheduler() {
		scheduler.initialize();
	}

	@AfterAll
	static void stop() throws IOException {
		for (CallbackSender sender : senders) {
			sender.destroy();
		}
		scheduler.shutdown();
		receiver.close();
	}

	@Test
	void refusesToConnectWhenTheHostNowResolvesToAPrivateAddress() {
		// At creation the name was public; now its DNS answer is the loopback address.
		HostResolver rebound = (host) -> List.of(InetAddress.getByName("127.0.0.1"));
		CallbackSender sender = sender(false, rebound);
		String path = "/rebind/" + UUID.randomUUID();

		AttemptResult result = sender.send(delivery("http://callbacks.example:" + port() + path));

		assertThat(result.succeeded()).isFalse();
		assertThat(result.statusCode()).isNull();
		assertThat(result.error()).contains("loopback");
		assertThat(receiver.received(path)).isEmpty();
	}

	@Test
	void refusesIfAnyOfSeveralAddressesIsPrivate() {
		HostResolver mixed = (host) -> List.of(InetAddress.getByName("93.184.216.34"),
				InetAddress.getByName("10.0.0.5"));

		AttemptResult result = sender(false, mixed).send(delivery("https://callbacks.example/cb"));

		assertThat(result.error()).contains("private");
	}

	@Test
	void connectsToTheAddressItCheckedNotToAFreshLookup() {
		// The name resolves nowhere through the system resolver: only the checked answer
		// reaches the receiver.
		HostResolver checked = (host) -> List.of(InetAddress.getByName("127.0.0.1"));
		String path = "/pinned/" + UUID.randomUUID();

		AttemptResult result = sender(true, checked).send(delivery("http://receiver.invalid:" + port() + path));

		assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
		assertThat(receiver.received(path)).hasSize(1);
		assertThat(receiver.received(path).get(0).header("host")).startsWith("receiver.invalid");
	}

	@Test
	void saysInASentenceWhenTheHostDoesNotResolve() {
		HostResolver nowhere = (host) -> {
			throw new UnknownHostException(host);
		};

		AttemptResult result = sender(false, nowhere).send(delivery("https://client.example/cb"));

		assertThat(result.error()).isEqualTo("could not resolve client.example");
	}

	@Test
	void saysInASentenceWhenTheConnectionIsRefused() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		AttemptResult result = sender(true, HostResolver.SYSTEM)
			.send(delivery("http://127.0.0.1:" + closedPort + "/cb"));

		assertThat(result.error()).isEqualTo("could not connect to 127.0.0.1:" + closedPort + " (connection refused)");
	}

	@Test
	void givesAStalledReceiverOneDeadlineAndOneMessage() {
		String path = "/stalled/" + UUID.randomUUID();
		receiver.always(path, Answer.hang(Duration.ofSeconds(5)));

		AttemptResult result = sender(true, HostResolver.SYSTEM).send(delivery(receiver.url(path)));

		assertThat(result.error()).isEqualTo("no answer from 127.0.0.1 within 2 s");
	}

	@Test
	void readsAtMostAKibibyteOfAnAnswerAndDropsTheRest() {
		String path = "/long/" + UUID.randomUUID();
		receiver.always(path, Answer.status(200).withBody(200_000_000));
		long started = System.nanoTime();

		AttemptResult result = sender(true, HostResolver.SYSTEM).send(delivery(receiver.url(path)));

		assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		// Had the sender read on, the 200 MB would be out within this second.
		await("the rest is not read").during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receiver.bodyBytesSent(path) < 20_000_000);
		assertThat(receiver.bodyBytesSent(path)).as("bytes the receiver got out").isPositive();
	}

	@Test
	void holdsAnAnswerSentAByteAtATimeToTheSameDeadline() {
		String path = "/dripping/" + UUID.randomUUID();
		receiver.always(path, Answer.status(200).withBody(10_000).dripping(Duration.ofMillis(20)));
		long started = System.nanoTime();

		AttemptResult result = sender(true, HostResolver.SYSTEM).send(delivery(receiver.url(path)));

		assertThat(result.error()).isEqualTo("no answer from 127.0.0.1 within 2 s");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
	}

	private static CallbackSender sender(boolean allowPrivateNetworks, HostResolver resolver) {
		CallbackProperties properties = TestCallbackProperties.of(true, allowPrivateNetworks, null);
		CallbackSender sender = new CallbackSender(RestClient.builder(), properties,
				new CallbackAddressGuard(true, allowPrivateNetworks, resolver), new WebhookSigner(properties),
				scheduler, Clock.systemUTC());
		senders.add(sender);
		return sender;
	}

	private static CallbackDelivery delivery(String url) {
		return new CallbackDelivery(UUID.randomUUID(), UUID.randomUUID(), 2, url, "{}", Instant.now(), null);
	}

	private static int port() {
		return URI.create(receiver.url("/")).getPort();
	}

}
