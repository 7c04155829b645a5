package com.ekyc.admin.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link UserId}: the rule of its pattern, without evaluating the pattern (see
 * {@link TextRules#isUserId}). A missing value passes, as with every Bean Validation
 * constraint: whether one is required is said elsewhere.
 */
public class UserIdValidator implements ConstraintValidator<UserId, CharSequence> {

	@Override
	public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
		return value == null || TextRules.isUserId(value);
	}

}
