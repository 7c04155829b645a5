package com.ekyc.admin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops judge header names and values exactly as the firewall's own expressions do.
 */
class AssignedNotControlTests {

	@Test
	void judgesEveryCodePointAsTheFirewallDoes() {
		assertThat(differingCodePoints(AssignedNotControl.NAMES, StrictHttpFirewall.ALLOWED_HEADER_NAMES)).isEmpty();
		assertThat(differingCodePoints(AssignedNotControl.VALUES, StrictHttpFirewall.ALLOWED_HEADER_VALUES)).isEmpty();
	}

	@Test
	void judgesUnpairedSurrogatesAndMixedTextAsTheFirewallDoes() {
		SplittableRandom random = new SplittableRandom(7);
		char[] pool = { 'a', ' ', '\t', '\u0000', '\u007f', '\u0085', '\u00e9', '\ud800', '\udc00', '\ud83d', '\ude00',
				'\u0378', '\uffff', '\u202e' };
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int j = random.nextInt(6); j >= 0; j--) {
				text.append(pool[random.nextInt(pool.length)]);
			}
			String sample = text.toString();

			assertThat(AssignedNotControl.NAMES.test(sample)).as("name %s", sample.chars().boxed().toList())
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(sample));
			assertThat(AssignedNotControl.VALUES.test(sample)).as("value %s", sample.chars().boxed().toList())
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(sample));
		}
	}

	@Test
	void acceptsABearerTokenAndRefusesALineBreak() {
		assertThat(AssignedNotControl.VALUES.test("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isTrue();
		assertThat(AssignedNotControl.VALUES.test("Bearer a\r\nX-Injected: 1")).isFalse();
		assertThat(AssignedNotControl.VALUES.test("a\tb")).isTrue();
		assertThat(AssignedNotControl.NAMES.test("a\tb")).isFalse();
		assertThat(AssignedNotControl.NAMES.test("")).isTrue();
	}

	private static List<Integer> differingCodePoints(Predicate<String> loop, Predicate<String> firewall) {
		List<Integer> differing = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + new String(Character.toChars(codePoint)) + "b";
			if (loop.test(text) != firewall.test(text)) {
				differing.add(codePoint);
			}
		}
		return differing;
	}

}
