package com.ekyc.admin.erasure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.ekyc.admin.web.PlainText;

/**
 * Why a user is erased, as the erasure's record keeps it.
 */
@Schema(name = "EraseUserRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record EraseUserRequest(@Schema(example = "GDPR art. 17 request #123", maxLength = 500,
		requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 500) @PlainText String reason) {

}
