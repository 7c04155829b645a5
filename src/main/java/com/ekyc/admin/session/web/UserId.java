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

	/** 1 to 255 characters that are neither control characters nor white space. */
	String PATTERN = "^[^\\p{Cc}\\p{Z}\\s]{1,255}$";

	String message() default "must be 1 to 255 characters without control characters or white space";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
