package com.ekyc.admin.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of text, in hex: what is kept or compared instead of the text itself.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * The SHA-256 digest of the text's UTF-8 bytes, in hexadecimal.
	 */
	public static String hex(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The first half of {@link #hex}: enough to tell filters apart, short in a cursor.
	 */
	public static String shortHex(String text) {
		return hex(text).substring(0, 32);
	}

	/**
	 * A fresh SHA-256 digest.
	 */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
