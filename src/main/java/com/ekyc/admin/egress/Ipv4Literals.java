package com.ekyc.admin.egress;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a host name the way URL parsers and the C resolver do when it looks like a
 * number: {@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1} all name 127.0.0.1.
 * Without this, such spellings would slip past a check that only knows dotted decimal.
 */
final class Ipv4Literals {

	private Ipv4Literals() {
	}

	/**
	 * The IPv4 address the host spells, empty when the host is a name.
	 * @throws IllegalArgumentException when the host ends in a number but is no valid
	 * address
	 */
	static Optional<byte[]> parse(String host) {
		String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		String[] parts = trimmed.split("\\.", -1);
		if (!looksNumeric(parts[parts.length - 1])) {
			return Optional.empty();
		}
		if (parts.length > 4) {
			throw new IllegalArgumentException("not a valid IPv4 address");
		}
		long value = 0;
		for (int i = 0; i < parts.length; i++) {
			long part = parseNumber(parts[i])
				.orElseThrow(() -> new IllegalArgumentException("not a valid IPv4 address"));
			boolean last = (i == parts.length - 1);
			long max = last ? (1L << (8 * (5 - parts.length))) - 1 : 255;
			if (part > max) {
				throw new IllegalArgumentException("not a valid IPv4 address");
			}
			value = last ? (value << (8 * (5 - parts.length))) | part : (value << 8) | part;
		}
		return Optional
			.of(new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value });
	}

	/**
	 * Whether a host ending in this part is read as an address by URL parsers: a part of
	 * only decimal digits (valid octal or not), or a {@code 0x} hex number.
	 */
	private static boolean looksNumeric(String part) {
		if (part.startsWith("0x") || part.startsWith("0X")) {
			return part.substring(2).chars().allMatch((c) -> Character.digit(c, 16) >= 0);
		}
		return !part.isEmpty() && part.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	private static OptionalLong parseNumber(String part) {
		if (part.isEmpty()) {
			return OptionalLong.empty();
		}
		boolean hex = part.startsWith("0x") || part.startsWith("0X");
		boolean octal = !hex && part.length() > 1 && part.startsWith("0");
		int radix = hex ? 16 : (octal ? 8 : 10);
		String digits = hex ? part.substring(2) : (octal ? part.substring(1) : part);
		// Leading zeros change nothing but could make a small number look too long to
		// read.
		digits = digits.replaceFirst("^0+", "");
		if (digits.isEmpty()) {
			return OptionalLong.of(0);
		}
		if (digits.length() > 12 || !digits.chars().allMatch((c) -> Character.digit(c, radix) >= 0)) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Long.parseLong(digits, radix));
	}

}
