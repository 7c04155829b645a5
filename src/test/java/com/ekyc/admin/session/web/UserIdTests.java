package com.ekyc.admin.session.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserIdTests {

	private static final Pattern USER_ID = Pattern.compile(UserId.PATTERN);

	@Test
	void refusesExactlyControlCharactersAndWhiteSpace() {
		Pattern rule = Pattern.compile("[^\\p{Cc}\\p{Z}\\s]");
		List<String> differing = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String character = Character.toString(codePoint);
			if (USER_ID.matcher(character).matches() != rule.matcher(character).matches()) {
				differing.add("U+%04X".formatted(codePoint));
			}
		}
		assertThat(differing).isEmpty();
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
		// The pattern is published in the OpenAPI document, where clients evaluate it as
		// a
		// JavaScript regular expression (without the u flag).
		assertThat(UserId.PATTERN).doesNotContain("\\p{", "\\P{");
	}

}
