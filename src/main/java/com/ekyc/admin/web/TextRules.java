package com.ekyc.admin.web;

/**
 * What text the service accepts from callers, as regular expressions published in the
 * OpenAPI document and as the checks that enforce them.
 * <p>
 * Clients such as Swagger UI evaluate a published pattern as a JavaScript regular
 * expression without the {@code u} flag, that is on UTF-16 code units, while Java and
 * most other engines read code points. The patterns are written so that both readings
 * agree: every surrogate is refused by the main character class, and a second branch,
 * which only a code-unit engine can match, accepts a well-formed surrogate pair. Format
 * characters beyond the Basic Multilingual Plane are therefore listed one by one (a range
 * of them would be a reversed range of code units) in the main class, and again as pairs
 * in the second branch. The lists follow Unicode 16 (Java 25), a superset of older
 * versions.
 */
public final class TextRules {

	/** Unicode format characters (category Cf) of the Basic Multilingual Plane. */
	static final String FORMAT_BMP = "\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F"
			+ "\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB";

	/**
	 * The format characters beyond it, written out (Java string escapes, not regex ones).
	 */
	static final String FORMAT_SUPPLEMENTARY = ""
			+ "\uD804\uDCBD\uD804\uDCCD\uD80D\uDC30\uD80D\uDC31\uD80D\uDC32\uD80D\uDC33\uD80D\uDC34"
			+ "\uD80D\uDC35\uD80D\uDC36\uD80D\uDC37\uD80D\uDC38\uD80D\uDC39\uD80D\uDC3A\uD80D\uDC3B"
			+ "\uD80D\uDC3C\uD80D\uDC3D\uD80D\uDC3E\uD80D\uDC3F\uD82F\uDCA0\uD82F\uDCA1\uD82F\uDCA2"
			+ "\uD82F\uDCA3\uD834\uDD73\uD834\uDD74\uD834\uDD75\uD834\uDD76\uD834\uDD77\uD834\uDD78"
			+ "\uD834\uDD79\uD834\uDD7A\uDB40\uDC01\uDB40\uDC20\uDB40\uDC21\uDB40\uDC22\uDB40\uDC23"
			+ "\uDB40\uDC24\uDB40\uDC25\uDB40\uDC26\uDB40\uDC27\uDB40\uDC28\uDB40\uDC29\uDB40\uDC2A"
			+ "\uDB40\uDC2B\uDB40\uDC2C\uDB40\uDC2D\uDB40\uDC2E\uDB40\uDC2F\uDB40\uDC30\uDB40\uDC31"
			+ "\uDB40\uDC32\uDB40\uDC33\uDB40\uDC34\uDB40\uDC35\uDB40\uDC36\uDB40\uDC37\uDB40\uDC38"
			+ "\uDB40\uDC39\uDB40\uDC3A\uDB40\uDC3B\uDB40\uDC3C\uDB40\uDC3D\uDB40\uDC3E\uDB40\uDC3F"
			+ "\uDB40\uDC40\uDB40\uDC41\uDB40\uDC42\uDB40\uDC43\uDB40\uDC44\uDB40\uDC45\uDB40\uDC46"
			+ "\uDB40\uDC47\uDB40\uDC48\uDB40\uDC49\uDB40\uDC4A\uDB40\uDC4B\uDB40\uDC4C\uDB40\uDC4D"
			+ "\uDB40\uDC4E\uDB40\uDC4F\uDB40\uDC50\uDB40\uDC51\uDB40\uDC52\uDB40\uDC53\uDB40\uDC54"
			+ "\uDB40\uDC55\uDB40\uDC56\uDB40\uDC57\uDB40\uDC58\uDB40\uDC59\uDB40\uDC5A\uDB40\uDC5B"
			+ "\uDB40\uDC5C\uDB40\uDC5D\uDB40\uDC5E\uDB40\uDC5F\uDB40\uDC60\uDB40\uDC61\uDB40\uDC62"
			+ "\uDB40\uDC63\uDB40\uDC64\uDB40\uDC65\uDB40\uDC66\uDB40\uDC67\uDB40\uDC68\uDB40\uDC69"
			+ "\uDB40\uDC6A\uDB40\uDC6B\uDB40\uDC6C\uDB40\uDC6D\uDB40\uDC6E\uDB40\uDC6F\uDB40\uDC70"
			+ "\uDB40\uDC71\uDB40\uDC72\uDB40\uDC73\uDB40\uDC74\uDB40\uDC75\uDB40\uDC76\uDB40\uDC77"
			+ "\uDB40\uDC78\uDB40\uDC79\uDB40\uDC7A\uDB40\uDC7B\uDB40\uDC7C\uDB40\uDC7D\uDB40\uDC7E" + "\uDB40\uDC7F";

	/** Every surrogate code unit: refused alone, allowed only as a pair. */
	static final String SURROGATES = "\\uD800-\\uDFFF";

	/**
	 * A surrogate pair that is not a format character: only an engine that reads code
	 * units ever matches it.
	 */
	static final String SURROGATE_PAIR = "(?!\\uD804[\\uDCBD\\uDCCD]|\\uD80D[\\uDC30-\\uDC3F]|\\uD82F[\\uDCA0-\\uDCA3]"
			+ "|\\uD834[\\uDD73-\\uDD7A]|\\uDB40[\\uDC01\\uDC20-\\uDC7F])[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";

	/**
	 * Free text ({@code reason}, {@code callback}): no NUL, no unpaired surrogate, no
	 * format character (bidirectional overrides, zero-width characters).
	 */
	public static final String PLAIN_TEXT = "^(?:[^\\x00" + SURROGATES + FORMAT_BMP + FORMAT_SUPPLEMENTARY + "]|"
			+ SURROGATE_PAIR + ")*$";

	// The same characters as FORMAT_BMP and FORMAT_SUPPLEMENTARY, for the check.
	private static final int[][] FORMAT_RANGES = { { 0xAD, 0xAD }, { 0x600, 0x605 }, { 0x61C, 0x61C }, { 0x6DD, 0x6DD },
			{ 0x70F, 0x70F }, { 0x890, 0x891 }, { 0x8E2, 0x8E2 }, { 0x180E, 0x180E }, { 0x200B, 0x200F },
			{ 0x202A, 0x202E }, { 0x2060, 0x2064 }, { 0x2066, 0x206F }, { 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB },
			{ 0x110BD, 0x110BD }, { 0x110CD, 0x110CD }, { 0x13430, 0x1343F }, { 0x1BCA0, 0x1BCA3 },
			{ 0x1D173, 0x1D17A }, { 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F } };

	private TextRules() {
	}

	/**
	 * Whether the text keeps the rule of {@link #PLAIN_TEXT}; checked code point by code
	 * point, so that long text costs no regular-expression recursion.
	 */
	public static boolean isPlainText(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char unit = text.charAt(i);
			if (Character.isHighSurrogate(unit) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				if (isFormat(Character.toCodePoint(unit, text.charAt(++i)))) {
					return false;
				}
			}
			else if (unit == 0 || Character.isSurrogate(unit) || isFormat(unit)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the text keeps the rule of {@link UserId#PATTERN} as Java reads it, code
	 * point by code point: evaluating that pattern took about 8 % of the service's CPU on
	 * every request naming a user.
	 */
	public static boolean isUserId(CharSequence text) {
		int length = text.length();
		if (length == 0 || isDotSegment(text)) {
			return false;
		}
		int count = 0;
		for (int i = 0; i < length; i++) {
			char unit = text.charAt(i);
			int codePoint = unit;
			if (Character.isHighSurrogate(unit) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				codePoint = Character.toCodePoint(unit, text.charAt(++i));
			}
			if (++count > UserId.MAX_LENGTH || !isUserIdCharacter(codePoint)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDotSegment(CharSequence text) {
		return (text.length() == 1 && text.charAt(0) == '.')
				|| (text.length() == 2 && text.charAt(0) == '.' && text.charAt(1) == '.');
	}

	// Neither a control character, white space, a lone surrogate, a format character nor
	// one of / \ ; %.
	private static boolean isUserIdCharacter(int codePoint) {
		if (codePoint < 0x7F) {
			return codePoint > 0x20 && codePoint != '/' && codePoint != '\\' && codePoint != ';' && codePoint != '%';
		}
		return codePoint > 0xA0 && !isSpace(codePoint)
				&& !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
				&& !isFormat(codePoint);
	}

	// The white space above U+00A0 that UserId.PATTERN lists.
	private static boolean isSpace(int codePoint) {
		return codePoint == 0x1680 || (codePoint >= 0x2000 && codePoint <= 0x200A) || codePoint == 0x2028
				|| codePoint == 0x2029 || codePoint == 0x202F || codePoint == 0x205F || codePoint == 0x3000;
	}

	/**
	 * Whether the code point is one of the format characters the patterns list.
	 */
	static boolean isFormat(int codePoint) {
		for (int[] range : FORMAT_RANGES) {
			if (codePoint >= range[0] && codePoint <= range[1]) {
				return true;
			}
		}
		return false;
	}

}
