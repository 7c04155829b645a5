package com.ekyc.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Free text a caller sends: no NUL, no unpaired surrogate, no Unicode format character
 * ({@link TextRules#PLAIN_TEXT}). {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "must not contain NUL, unpaired surrogates or Unicode format characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link PlainText}.
	 */
	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || TextRules.isPlainText(value);
		}

	}

}
