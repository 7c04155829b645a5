package com.ekyc.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A user id in a path: 1 to 255 characters; no control character, white space, Unicode
 * format character or unpaired surrogate; none of {@code / \ ; %}; and not {@code .} or
 * {@code ..}. Those last ones are what the request firewall refuses in a path anyway, so
 * the published rule is exactly what the service accepts. Checked by
 * {@link TextRules#isUserId}, and published as {@link #PATTERN} (see
 * {@link OpenApiConfiguration}).
 */
@Documented
@Constraint(validatedBy = UserIdValidator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface UserId {

	/**
	 * The rule as a regular expression that reads the same in Java and in JavaScript
	 * without the {@code u} flag (see {@link TextRules}): control characters are U+0000
	 * to U+001F and U+007F to U+009F, white space is Java's and Unicode's (U+0020,
	 * U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
	 */
	/** The most characters (code points) a user id has. */
	int MAX_LENGTH = 255;

	String PATTERN = "^(?!\\.{1,2}$)(?:[^\\x00-\\x20\\x7F-\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000"
			+ "/\\\\;%" + TextRules.SURROGATES + TextRules.FORMAT_BMP + TextRules.FORMAT_SUPPLEMENTARY + "]|"
			+ TextRules.SURROGATE_PAIR + "){1," + MAX_LENGTH + "}$";

	/** The rule in words, for the OpenAPI document's parameters. */
	String DESCRIPTION = "The user's id: 1 to 255 characters, no control, white-space or format characters, none of "
			+ "`/ \\ ; %`, and not `.` or `..`";

	String message() default "must be 1 to 255 characters without control characters, white space, format characters or / \\ ; %, and not . or ..";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
