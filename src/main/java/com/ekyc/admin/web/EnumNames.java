package com.ekyc.admin.web;

import java.util.Arrays;
import java.util.List;

/**
 * The names of an enum's constants, as requests must spell them.
 */
final class EnumNames {

	private EnumNames() {
	}

	static List<String> of(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList();
	}

}
