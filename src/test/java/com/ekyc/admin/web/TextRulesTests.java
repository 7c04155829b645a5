package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTests {

	private static final Pattern PLAIN_TEXT = Pattern.compile(TextRules.PLAIN_TEXT);

	@Test
	void publishedPatternAndCheckAgreeOnEveryCodePoint() {
		List<String> differing = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + Character.toString(codePoint) + "b";
			if (PLAIN_TEXT.matcher(text).matches() != TextRules.isPlainText(text)) {
				differing.add("U+%04X".formatted(codePoint));
			}
		}
		assertThat(differing).isEmpty();
	}

	@Test
	void formatCharactersIncludeEveryOneThisJavaKnows() {
		List<String> missing = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			if (Character.getType(codePoint) == Character.FORMAT && !TextRules.isFormat(codePoint)) {
				missing.add("U+%04X".formatted(codePoint));
			}
		}
		assertThat(missing).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "lone \uD800 high", "lone \uDC00 low", "ends high \uD800", "rtl \u202E",
			"zero width \u200B", "tag \uDB40\uDC01", "bom \uFEFF" })
	void refusesNulLoneSurrogatesAndFormatCharacters(String text) {
		assertThat(TextRules.isPlainText(text)).isFalse();
		assertThat(PLAIN_TEXT.matcher(text).matches()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "documents verified", "line\nbreak\ttab", "emoji \uD83D\uDE00", "ünïcödé 検証" })
	void acceptsOrdinaryText(String text) {
		assertThat(TextRules.isPlainText(text)).isTrue();
		assertThat(PLAIN_TEXT.matcher(text).matches()).isTrue();
	}

}
