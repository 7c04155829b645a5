package com.ekyc.admin.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The paging parameters every list takes: {@code limit} (1 to {@value #MAX_LIMIT},
 * default {@value #MAX_LIMIT}) and {@code start} (at least 0, default 0), read from the
 * query string by {@link PageQueryArgumentResolver}; {@code @ParameterObject} describes
 * them in the OpenAPI document.
 *
 * @param limit the page size, or {@code null} for the default
 * @param start the offset of the page's first item, or {@code null} for the default
 */
public record PageQuery(
		@Parameter(in = ParameterIn.QUERY, description = "Page size, 1 to 1024",
				schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1024",
						defaultValue = "1024")) @Nullable Integer limit,
		@Parameter(in = ParameterIn.QUERY, description = "Offset of the first item of the page, at least 0",
				schema = @Schema(type = "integer", format = "int32", minimum = "0",
						defaultValue = "0")) @Nullable Integer start) {

	/** The largest page, and the size of a page when none is asked for. */
	public static final int MAX_LIMIT = 1024;

	public int limitOrDefault() {
		return (this.limit != null) ? this.limit : MAX_LIMIT;
	}

	public int startOrDefault() {
		return (this.start != null) ? this.start : 0;
	}

}
