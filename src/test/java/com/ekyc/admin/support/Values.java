package com.ekyc.admin.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;

/**
 * The values {@link GeneratedRequests} draws from: well formed ones that the service
 * should take, and the odd and hostile ones an outside tester sends.
 */
final class Values {

	private static final List<String> HOSTILE_TEXT = List.of("", " ", ".", "..", "a/b", "a\\b", "a;b", "a%b", "%2F",
			"user\u202E42", "x\u200By", "\uFEFF", "\u0000", "nul\u0000nul", "\uD800", "a\uDC00", "tag\uDB40\uDC01",
			"\uD83D\uDE00", "ユーザー", "a".repeat(255), "a".repeat(256), "a".repeat(3000), "\t\n", "\u001B[31mred",
			"'; drop table sessions; --", "${jndi:ldap://x}", "<script>", "null", "true", "0", "-1");

	private Values() {
	}

	static Arbitrary<String> userId(GeneratedRequests.Fixture fixture) {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(fixture.userId())),
				Tuple.of(2,
						Arbitraries.strings()
							.withCharRange('a', 'z')
							.numeric()
							.withChars('-', '_', '.', '@')
							.ofMinLength(1)
							.ofMaxLength(40)),
				Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300)),
				Tuple.of(2, Arbitraries.of(HOSTILE_TEXT)));
	}

	static Arbitrary<String> id(String existing) {
		return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(existing)),
				Tuple.of(2,
						Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
							.as((most, least) -> new UUID(most, least).toString())),
				Tuple.of(1, Arbitraries.just(existing.toUpperCase(java.util.Locale.ROOT))),
				Tuple.of(2, Arbitraries.of("1-1-1-1-1", existing.replace("-", ""), existing + "0", "{" + existing + "}",
						"00000000-0000-0000-0000-000000000000", "not-a-uuid", "", " ")));
	}

	/**
	 * Values for one query parameter, each a percent-encoded {@code value}; none when the
	 * parameter is left out.
	 */
	static Arbitrary<List<String>> query(JsonNode schema) {
		Arbitrary<String> valid;
		if (schema.has("items") && schema.get("items").has("enum")) {
			List<String> names = schema.get("items").get("enum").valueStream().map(JsonNode::asString).toList();
			valid = Arbitraries.of(names);
		}
		else {
			long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
			long maximum = schema.has("maximum") ? schema.get("maximum").asLong() : Integer.MAX_VALUE;
			valid = Arbitraries.longs().between(minimum, Math.min(maximum, 5000)).map(String::valueOf);
		}
		Arbitrary<String> invalid = Arbitraries.oneOf(
				Arbitraries.of("-1", "0", "1025", "2147483648", "99999999999999999999", "0x10", "#10", "1.5", "1e3",
						"abc", "", "+5", " 5", "١٢", "NaN", "CREATED ", "created", "EXPIRED", "null"),
				Arbitraries.strings().all().ofMaxLength(30));
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<String>of())),
				Tuple.of(4, valid.map((value) -> List.of(percentEncode(value)))),
				Tuple.of(2, invalid.map((value) -> List.of(percentEncode(value)))),
				Tuple.of(1,
						Arbitraries.oneOf(valid, invalid)
							.list()
							.ofMinSize(2)
							.ofMaxSize(4)
							.map((values) -> values.stream().map(Values::percentEncode).toList())));
	}

	/**
	 * A header value, or {@code null} to leave it out.
	 */
	static Arbitrary<String> header(String name) {
		Arbitrary<String> valid = switch (name) {
			case "If-Match" -> Arbitraries.of("\"1\"", "*", "\"2\"", "\"1\", \"2\"", "W/\"1\"");
			case "Idempotency-Key" ->
				Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(64);
			default -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
		};
		Arbitrary<String> odd = Arbitraries.oneOf(
				Arbitraries.of("", " ", "\"", "\"abc", "1", "\"-1\"", "\"99999999999999999999\"", ",", "*, \"1\"",
						"a".repeat(256), "a".repeat(2000)),
				Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40));
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just((String) null)), Tuple.of(3, valid),
				Tuple.of(3, odd));
	}

	static Arbitrary<GeneratedRequests.Body> body(JsonNode schema, GeneratedRequests.Fixture fixture) {
		Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(HOSTILE_TEXT).map(Values::jsonString),
				Arbitraries.of("\"documents verified\"", "\"https://93.184.216.34/ekyc/callback\"",
						"\"http://127.0.0.1/x\"", "\"https://[::1]/\"", "\"https://user:pw@93.184.216.34/\"",
						"\"https://93.184.216.34:0/\"", "\"ftp://93.184.216.34/\"", "\"\\ud800\"", "\"\\u0000\"",
						"\"\\u202e\"", "\"" + "x".repeat(600) + "\""),
				Arbitraries.strings().all().ofMaxLength(50).map(Values::jsonString));
		Arbitrary<String> anyValue = Arbitraries.oneOf(text,
				Arbitraries.of("null", "2", "\"4\"", "-1", "1e400", "true", "[]", "{}", "[\"APPROVED\"]",
						"{\"status\":\"APPROVED\"}"),
				Arbitraries.of("\"CREATED\"", "\"IN_PROGRESS\"", "\"SUBMITTED\"", "\"IN_REVIEW\"", "\"APPROVED\"",
						"\"REJECTED\"", "\"CANCELLED\"", "\"EXPIRED\"", "\"RESUBMISSION_REQUESTED\"", "\"approved\""));
		List<String> members = (schema != null && schema.has("properties"))
				? schema.get("properties").propertyNames().stream().toList() : List.of("callback");
		Arbitrary<String> objects = Arbitraries.of(members)
			.flatMap((member) -> anyValue.map((value) -> "\"" + member + "\":" + value))
			.list()
			.ofMaxSize(4)
			.map((pairs) -> "{" + String.join(",", pairs) + "}");
		Arbitrary<String> broken = Arbitraries.of("", "{", "}", "{\"status\":", "{\"status\":\"APPROVED\"} x",
				"{'status':'APPROVED'}", "{\"status\":\"APPROVED\",\"status\":\"REJECTED\"}", "{\"unknown\":1}",
				"[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(600) + "1" + "}".repeat(600), "null", "[]",
				"\"text\"", "{\"callback\":\"" + "a".repeat(20000) + "\"}");
		Arbitrary<String> valid = Arbitraries.of("{}", "{\"callback\":\"https://93.184.216.34/ekyc/callback\"}",
				"{\"callback\":null}", "{\"status\":\"IN_PROGRESS\"}", "{\"status\":\"SUBMITTED\",\"reason\":\"ok\"}",
				"{\"status\":\"CANCELLED\",\"reason\":null}", "{\"status\":\"CREATED\"}");
		return Arbitraries.oneOf(valid.map(GeneratedRequests.Body::of), objects.map(GeneratedRequests.Body::of),
				broken.map(GeneratedRequests.Body::of), Arbitraries.just(new GeneratedRequests.Body(
						new byte[] { '{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}' }, "invalid UTF-8")));
	}

	private static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				json.append("\\u%04x".formatted((int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	/**
	 * Percent-encodes all but the unreserved characters of RFC 3986 as UTF-8; a lone
	 * surrogate becomes the (invalid) bytes it would have in CESU-8, as a careless client
	 * would send it.
	 */
	static String percentEncode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
				continue;
			}
			byte[] bytes;
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
				i++;
			}
			else if (Character.isSurrogate(c)) {
				bytes = new byte[] { (byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)),
						(byte) (0x80 | (c & 0x3F)) };
			}
			else {
				bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
			}
			for (byte b : bytes) {
				encoded.append('%').append("%02X".formatted(b & 0xFF));
			}
		}
		return encoded.toString();
	}

}
