package com.ekyc.admin.erasure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.ekyc.admin.web.PlainText;
import com.ekyc.admin.web.TextRules;

/**
 * Why a user is erased, as the erasure's record keeps it.
 */
@Schema(name = "EraseUserRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record EraseUserRequest(@Schema(example = "GDPR art. 17 request #123", minLength = 1, maxLength = 500,
		pattern = TextRules.PLAIN_TEXT, requiredMode = Schema.RequiredMode.REQUIRED,
		description = "Why; 1 to 500 characters, not only white space, without NUL, unpaired surrogates or "
				+ "Unicode format characters") @NotBlank @Size(max = 500) @PlainText String reason) {

}
