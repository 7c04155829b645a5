package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UserIdTests {

	private static final Pattern USER_ID = Pattern.compile(UserId.PATTERN);

	private static final Pattern RULE = Pattern.compile("[^\\p{Cc}\\p{Z}\\s/\\\\;%]|a\\.b");

	@Test
	void refusesExactlyControlWhiteSpaceFormatAndPathCharacters() {
		List<String> differing = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			// A lone dot is a path segment of its own; "a.b" shows the dot itself is
			// fine.
			String character = (codePoint == '.') ? "a.b" : Character.toString(codePoint);
			boolean surrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
			boolean allowed = RULE.matcher(character).matches() && !TextRules.isFormat(codePoint)
					&& Character.getType(codePoint) != Character.FORMAT && !surrogate;
			if (USER_ID.matcher(character).matches() != allowed) {
				differing.add("U+%04X".formatted(codePoint));
			}
		}
		assertThat(differing).isEmpty();
	}

	@Test
	void theCheckAgreesWithThePatternOnEveryCodePoint() {
		List<String> differing = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String character = Character.toString(codePoint);
			for (String text : List.of(character, "a" + character + "b")) {
				if (USER_ID.matcher(text).matches() != TextRules.isUserId(text)) {
					differing.add("U+%04X".formatted(codePoint));
				}
			}
		}
		assertThat(differing).isEmpty();
	}

	// Text of the characters at the rule's edges, lone surrogates among them, of every
	// length up to beyond the limit (counted in code points, not UTF-16 units).
	@Test
	void theCheckAgreesWithThePatternOnMixedText() {
		String[] pieces = { "a", "Z", "0", "-", ".", "..", "/", "\\", ";", "%", " ", "\u001F", "\u007F", "\u00A0",
				"\u00A1", "\u00AD", "\u1680", "\u2000", "\u200A", "\u200B", "\u2028", "\u2029", "\u202F", "\u205F",
				"\u3000", "\uFEFF", "\uFFFD", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\uD804\uDCBD",
				"\uDB40\uDC01", "\uDB40\uDC80", "\n", "\r\n", "\u0085", "\u00E9", "\u691C" };
		Random random = new Random(20261130);
		List<String> differing = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			int length = (i % 2 == 0) ? random.nextInt(6) : 250 + random.nextInt(10);
			StringBuilder text = new StringBuilder();
			String filler = pieces[random.nextInt(3)];
			for (int j = 0; j < length; j++) {
				text.append((random.nextInt(8) == 0) ? pieces[random.nextInt(pieces.length)] : filler);
			}
			if (USER_ID.matcher(text).matches() != TextRules.isUserId(text)) {
				differing.add(text.toString());
			}
		}
		assertThat(differing).isEmpty();
		assertThat(TextRules.isUserId("\uD83D\uDE00".repeat(255))).isTrue();
		assertThat(TextRules.isUserId("\uD83D\uDE00".repeat(256))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "user\u202E42", "user\u200B42", "\uFEFFuser", "user\uDB40\uDC01", "a\uD800b", "a\uDC00b",
			".", "..", "a/b", "a\\b", "a;b", "a%b" })
	void refusesFormatCharactersLoneSurrogatesDotSegmentsAndPathSeparators(String userId) {
		assertThat(USER_ID.matcher(userId).matches()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "user-42", "...", ".a", "a..b", "ユーザー", "user\uD83D\uDE00" })
	void acceptsIdsThatOnlyLookUnusual(String userId) {
		assertThat(USER_ID.matcher(userId).matches()).isTrue();
	}

	@Test
	void countsOneToTwoHundredFiftyFiveCharacters() {
		assertThat(USER_ID.matcher("").matches()).isFalse();
		assertThat(USER_ID.matcher("u".repeat(255)).matches()).isTrue();
		assertThat(USER_ID.matcher("u".repeat(256)).matches()).isFalse();
	}

	@Test
	void acceptsEveryLetterAndSymbolOfAnOrdinaryId() {
		assertThat(USER_ID.matcher("Zap{cC}-p_42.user@example.com").matches()).isTrue();
	}

	@Test
	void usesNoJavaOnlyCharacterClasses() {
		// Clients evaluate the published pattern as a JavaScript regular expression
		// without the u flag.
		assertThat(UserId.PATTERN).doesNotContain("\\p{", "\\P{", "\\x{");
	}

}
