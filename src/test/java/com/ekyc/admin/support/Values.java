package com.ekyc.admin.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The values {@link GeneratedRequests} draws from a seeded {@link Random}: well formed
 * ones that the service should take, and the odd and hostile ones an outside tester
 * sends.
 */
final class Values {

	private static final List<String> HOSTILE_TEXT = List.of("", " ", ".", "..", "a/b", "a\\b", "a;b", "a%b", "%2F",
			"user\u202E42", "x\u200By", "\uFEFF", "\u0000", "nul\u0000nul", "\uD800", "a\uDC00", "tag\uDB40\uDC01",
			"\uD83D\uDE00", "ユーザー", "a".repeat(255), "a".repeat(256), "a".repeat(3000), "\t\n", "\u001B[31mred",
			"'; drop table sessions; --", "${jndi:ldap://x}", "<script>", "null", "true", "0", "-1");

	private static final List<String> STATUSES = List.of("CREATED", "IN_PROGRESS", "SUBMITTED", "IN_REVIEW",
			"RESUBMISSION_REQUESTED", "APPROVED", "REJECTED", "EXPIRED", "CANCELLED");

	private Values() {
	}

	static String userId(GeneratedRequests.Fixture fixture, Random random) {
		return switch (random.nextInt(10)) {
			case 0, 1, 2, 3 -> fixture.userId();
			case 4, 5 -> text(random, 1, 40, "abcdefghijklmnopqrstuvwxyz0123456789-_.@");
			case 6, 7 -> anyText(random, 1, 300);
			default -> pick(random, HOSTILE_TEXT);
		};
	}

	static String id(String existing, Random random) {
		return switch (random.nextInt(10)) {
			case 0, 1, 2, 3, 4 -> existing;
			case 5, 6 -> new UUID(random.nextLong(), random.nextLong()).toString();
			case 7 -> existing.toUpperCase(Locale.ROOT);
			default -> pick(random, List.of("1-1-1-1-1", existing.replace("-", ""), existing + "0",
					"{" + existing + "}", "00000000-0000-0000-0000-000000000000", "not-a-uuid", "", " "));
		};
	}

	/**
	 * Values for one query parameter, each percent-encoded; none when the parameter is
	 * left out, several when it is repeated.
	 */
	static List<String> query(JsonNode schema, Random random) {
		Function<Random, String> valid;
		if (schema.has("items") && schema.get("items").has("enum")) {
			List<String> names = schema.get("items").get("enum").valueStream().map(JsonNode::asString).toList();
			valid = (r) -> pick(r, names);
		}
		else {
			long minimum = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
			long maximum = Math.min(schema.has("maximum") ? schema.get("maximum").asLong() : Integer.MAX_VALUE, 5000);
			valid = (r) -> String.valueOf(minimum + (long) (r.nextDouble() * (maximum - minimum + 1)));
		}
		Function<Random, String> invalid = (r) -> r.nextBoolean()
				? pick(r,
						List.of("-1", "0", "1025", "2147483648", "99999999999999999999", "0x10", "#10", "1.5", "1e3",
								"abc", "", "+5", " 5", "١٢", "NaN", "CREATED ", "created", "EXPIRED", "null"))
				: anyText(r, 0, 30);
		List<String> values = new ArrayList<>();
		switch (random.nextInt(10)) {
			case 0, 1, 2 -> {
			}
			case 3, 4, 5, 6 -> values.add(valid.apply(random));
			case 7, 8 -> values.add(invalid.apply(random));
			default -> {
				for (int i = 2 + random.nextInt(3); i > 0; i--) {
					values.add(random.nextBoolean() ? valid.apply(random) : invalid.apply(random));
				}
			}
		}
		return values.stream().map(Values::percentEncode).toList();
	}

	/**
	 * A header value, or {@code null} to leave it out.
	 */
	static String header(String name, Random random) {
		return switch (random.nextInt(10)) {
			case 0, 1, 2, 3 -> null;
			case 4, 5, 6 -> switch (name) {
				case "If-Match" -> pick(random, List.of("\"1\"", "*", "\"2\"", "\"1\", \"2\"", "W/\"1\""));
				case "Idempotency-Key" -> text(random, 1, 64, "abcdefghijklmnopqrstuvwxyz0123456789-");
				default -> text(random, 1, 20, "abcdefghijklmnopqrstuvwxyz");
			};
			default -> random.nextBoolean() ? pick(random, List.of("", " ", "\"", "\"abc", "1", "\"-1\"",
					"\"99999999999999999999\"", ",", "*, \"1\"", "a".repeat(256), "a".repeat(2000)))
					: printableAscii(random, 0, 40);
		};
	}

	static GeneratedRequests.Body body(JsonNode schema, Random random) {
		List<String> members = (schema != null && schema.has("properties"))
				? schema.get("properties").propertyNames().stream().toList() : List.of("callback");
		return switch (random.nextInt(4)) {
			case 0 -> GeneratedRequests.Body.of(pick(random,
					List.of("{}", "{\"callback\":\"https://93.184.216.34/ekyc/callback\"}", "{\"callback\":null}",
							"{\"status\":\"IN_PROGRESS\"}", "{\"status\":\"SUBMITTED\",\"reason\":\"ok\"}",
							"{\"status\":\"CANCELLED\",\"reason\":null}", "{\"status\":\"CREATED\"}")));
			case 1 -> {
				List<String> pairs = new ArrayList<>();
				for (int i = random.nextInt(5); i > 0; i--) {
					pairs.add("\"" + pick(random, members) + "\":" + jsonValue(random));
				}
				yield GeneratedRequests.Body.of("{" + String.join(",", pairs) + "}");
			}
			case 2 -> GeneratedRequests.Body.of(pick(random,
					List.of("", "{", "}", "{\"status\":", "{\"status\":\"APPROVED\"} x", "{'status':'APPROVED'}",
							"{\"status\":\"APPROVED\",\"status\":\"REJECTED\"}", "{\"unknown\":1}",
							"[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(600) + "1" + "}".repeat(600), "null",
							"[]", "\"text\"", "{\"callback\":\"" + "a".repeat(20000) + "\"}")));
			default -> new GeneratedRequests.Body(new byte[] { '{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}' },
					"invalid UTF-8");
		};
	}

	private static String jsonValue(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> jsonString(pick(random, HOSTILE_TEXT));
			case 1 -> pick(random,
					List.of("\"documents verified\"", "\"https://93.184.216.34/ekyc/callback\"",
							"\"http://127.0.0.1/x\"", "\"https://[::1]/\"", "\"https://user:pw@93.184.216.34/\"",
							"\"https://93.184.216.34:0/\"", "\"ftp://93.184.216.34/\"", "\"\\ud800\"", "\"\\u0000\"",
							"\"\\u202e\"", "\"" + "x".repeat(600) + "\""));
			case 2 -> jsonString(anyText(random, 0, 50));
			case 3 -> pick(random, List.of("null", "2", "\"4\"", "-1", "1e400", "true", "[]", "{}", "[\"APPROVED\"]",
					"{\"status\":\"APPROVED\"}"));
			default -> "\"" + (random.nextInt(10) == 0 ? "approved" : pick(random, STATUSES)) + "\"";
		};
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String text(Random random, int minLength, int maxLength, String alphabet) {
		StringBuilder text = new StringBuilder();
		for (int i = minLength + random.nextInt(maxLength - minLength + 1); i > 0; i--) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static String printableAscii(Random random, int minLength, int maxLength) {
		StringBuilder text = new StringBuilder();
		for (int i = minLength + random.nextInt(maxLength - minLength + 1); i > 0; i--) {
			text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
		}
		return text.toString();
	}

	/**
	 * Any UTF-16 code units at all, lone surrogates included: what a careless client or a
	 * fuzzer sends.
	 */
	private static String anyText(Random random, int minLength, int maxLength) {
		StringBuilder text = new StringBuilder();
		for (int i = minLength + random.nextInt(maxLength - minLength + 1); i > 0; i--) {
			text.append((char) random.nextInt(Character.MAX_VALUE + 1));
		}
		return text.toString();
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
