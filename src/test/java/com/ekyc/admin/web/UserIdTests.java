package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.List;
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
