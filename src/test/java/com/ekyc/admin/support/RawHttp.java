package com.ekyc.admin.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests byte for byte over a plain socket, for what HTTP client libraries refuse
 * to send: malformed query strings, non-ASCII header values, unknown methods, bodies the
 * server stops reading. Every request is sent with {@code Connection: close} and the
 * answer read to the end.
 */
public final class RawHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int TIMEOUT_MILLIS = 30_000;

	private RawHttp() {
	}

	/**
	 * Sends a request without a body: {@code target} goes on the request line as it is,
	 * {@code headers} are whole lines ({@code "Name: value"}), written as UTF-8.
	 */
	public static Response get(int port, String target, String... headers) {
		return send(port, "GET", target, List.of(headers), null);
	}

	/**
	 * Sends a request: the head as UTF-8 bytes, then the body, if any, from another
	 * thread while the answer is read, so that a server that answers before it has read
	 * the body is heard. A body that the server refuses to read further is cut short
	 * silently.
	 */
	public static Response send(int port, String method, String target, List<String> headers, byte[] body) {
		StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(port).append("\r\n");
		headers.forEach((header) -> head.append(header).append("\r\n"));
		head.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			Thread writer = null;
			if (body != null) {
				writer = new Thread(() -> write(out, body), "raw-http-body");
				writer.setDaemon(true);
				writer.start();
			}
			byte[] answer = readAll(socket.getInputStream());
			return parse(answer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(OutputStream out, byte[] body) {
		try {
			out.write(body);
			out.flush();
		}
		catch (IOException ex) {
			// The server answered and closed the connection before reading it all.
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				answer.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// A reset after the whole answer came (the server closed on an unread body).
			if (answer.size() == 0) {
				throw ex;
			}
		}
		return answer.toByteArray();
	}

	private static Response parse(byte[] answer) {
		String text = new String(answer, StandardCharsets.ISO_8859_1);
		int headEnd = text.indexOf("\r\n\r\n");
		if (headEnd < 0) {
			throw new IllegalStateException("No complete HTTP answer: " + text);
		}
		String[] lines = text.substring(0, headEnd).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		HttpHeaders httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
		byte[] body = java.util.Arrays.copyOfRange(answer, headEnd + 4, answer.length);
		if (httpHeaders.firstValue("Transfer-Encoding")
			.map((value) -> value.toLowerCase(Locale.ROOT))
			.filter((value) -> value.contains("chunked"))
			.isPresent()) {
			body = unchunk(body);
		}
		return new Response(status, httpHeaders, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int position = 0;
		while (position < chunked.length) {
			int lineEnd = indexOf(chunked, position);
			String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, size);
			position = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IllegalStateException("A chunk size line without its end");
	}

	/**
	 * An answer as it came over the socket.
	 */
	public record Response(int status, HttpHeaders headers, String body) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		public JsonNode json() {
			return json.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers.map() + " " + this.body;
		}

	}

}
