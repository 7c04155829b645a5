package com.ekyc.admin.session.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A user id in a path: 1 to 255 characters, none of them a control character or white
 * space.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = UserId.PATTERN)
@ReportAsSingleViolation
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface UserId {

	/**
	 * 1 to 255 characters that are neither control characters nor white space: none of
	 * {@code \p{Cc}} (U+0000 to U+001F, U+007F to U+009F), {@code \p{Z}} and {@code \s}.
	 * Spelled out rather than with {@code \p{...}} classes because the OpenAPI document
	 * publishes it as the parameter's {@code pattern}, which clients such as Swagger UI
	 * evaluate as a JavaScript regular expression without the {@code u} flag: there
	 * {@code \p{Cc}} would mean the letters p, C, c and braces.
	 */
	String PATTERN = "^[^\\x00-\\x20\\x7F-\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]{1,255}$";

	String message() default "must be 1 to 255 characters without control characters or white space";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
