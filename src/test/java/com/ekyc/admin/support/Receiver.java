package com.ekyc.admin.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP receiver of callbacks on 127.0.0.1 for tests: it records every request and
 * answers as told, per path: a queue of answers, then a default one.
 */
public final class Receiver implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	// Body bytes written so far, per path: counted as they go, so that a
	// test can tell how much went out while the client is still (or no
	// longer) reading.
	private final Map<String, AtomicLong> bodySent = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();

	private final Map<String, Answer> defaults = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Map<String, AtomicInteger> inFlightByPath = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> maxInFlightByPath = new ConcurrentHashMap<>();

	private Receiver(HttpServer server) {
		this.server = server;
	}

	public static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			server.setExecutor(Executors.newCachedThreadPool());
			Receiver receiver = new Receiver(server);
			server.createContext("/", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The URL of a path on this receiver. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Answers the next requests to the path with these answers, in order. */
	public void answer(String path, Answer... answers) {
		this.scripted.computeIfAbsent(path, (key) -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
	}

	/** Answers every request to the path not otherwise scripted with this answer. */
	public void always(String path, Answer answer) {
		this.defaults.put(path, answer);
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public List<Received> received(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	/** The most requests ever under way at once for the path. */
	public int maxConcurrentRequests(String path) {
		AtomicInteger max = this.maxInFlightByPath.get(path);
		return (max != null) ? max.get() : 0;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		AtomicInteger pathInFlight = this.inFlightByPath.computeIfAbsent(path, (key) -> new AtomicInteger());
		this.maxInFlightByPath.computeIfAbsent(path, (key) -> new AtomicInteger())
			.accumulateAndGet(pathInFlight.incrementAndGet(), Math::max);
		this.inFlight.incrementAndGet();
		try {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, List<String>> headers = new ConcurrentHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(), new ArrayList<>(values)));
			this.received.add(new Received(path, headers, new String(body, StandardCharsets.UTF_8), Instant.now()));
			Deque<Answer> queue = this.scripted.get(path);
			Answer answer = (queue != null && !queue.isEmpty()) ? queue.poll()
					: this.defaults.getOrDefault(path, Answer.status(200));
			if (!answer.delay().isZero()) {
				Thread.sleep(answer.delay().toMillis());
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(answer.status(), (answer.bodyBytes() > 0) ? 0 : -1);
			AtomicLong sent = new AtomicLong();
			this.bodySent.put(path, sent);
			sendBody(exchange.getResponseBody(), answer, sent);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			pathInFlight.decrementAndGet();
			this.inFlight.decrementAndGet();
			exchange.close();
		}
	}

	// Writes the body until it is all out or the client closes the connection, counting
	// each write as it goes. Writes of 1 KiB, no larger than the server's own chunks: a
	// client that read more than 1 KiB before it closed was sent at least one counted
	// write.
	private static void sendBody(OutputStream out, Answer answer, AtomicLong sent) throws InterruptedException {
		byte[] chunk = new byte[answer.drip().isZero() ? 1024 : 1];
		Arrays.fill(chunk, (byte) 'x');
		try {
			while (sent.get() < answer.bodyBytes()) {
				int length = (int) Math.min(chunk.length, answer.bodyBytes() - sent.get());
				out.write(chunk, 0, length);
				sent.addAndGet(length);
				out.flush();
				if (!answer.drip().isZero()) {
					Thread.sleep(answer.drip().toMillis());
				}
			}
		}
		catch (IOException ex) {
			// The client stopped reading and closed the connection: what it may do.
		}
	}

	/**
	 * How many bytes of its last answer's body the receiver got out on this path before
	 * the client closed the connection.
	 */
	public long bodyBytesSent(String path) {
		AtomicLong sent = this.bodySent.get(path);
		return (sent != null) ? sent.get() : 0;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * How the receiver answers one request.
	 */
	public record Answer(int status, Duration delay, Map<String, String> headers, long bodyBytes, Duration drip) {

		public static Answer status(int status) {
			return new Answer(status, Duration.ZERO, Map.of(), 0, Duration.ZERO);
		}

		public static Answer hang(Duration delay) {
			return new Answer(200, delay, Map.of(), 0, Duration.ZERO);
		}

		public Answer withHeader(String name, String value) {
			return new Answer(this.status, this.delay, Map.of(name, value), this.bodyBytes, this.drip);
		}

		/** A body of this many bytes, sent chunked. */
		public Answer withBody(long bytes) {
			return new Answer(this.status, this.delay, this.headers, bytes, this.drip);
		}

		/** The body one byte at a time, with this pause between bytes. */
		public Answer dripping(Duration pause) {
			return new Answer(this.status, this.delay, this.headers, this.bodyBytes, pause);
		}

	}

	/**
	 * A request as the receiver got it.
	 */
	public record Received(String path, Map<String, List<String>> headers, String body, Instant at) {

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase());
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		public JsonNode json() {
			return Receiver.json.readTree(this.body);
		}

	}

	/** How many requests are being answered right now. */
	public int requestsUnderWay() {
		return this.inFlight.get();
	}

}
