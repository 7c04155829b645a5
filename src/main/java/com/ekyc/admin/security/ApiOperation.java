package com.ekyc.admin.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One of the API's operations, as a request asks for it.
 *
 * @param name the operation's name, such as {@code session.get}
 * @param pathVariables the values of the endpoint's path variables, by name, as sent
 */
public record ApiOperation(String name, Map<String, String> pathVariables) {

	/** The names of the API's operations, in the order of the table of endpoints. */
	public static final List<String> NAMES = EndpointPermissions.ALL.stream()
		.map(EndpointPermission::operation)
		.distinct()
		.toList();

	/**
	 * The operation a request asks for, if it asks for one of the API's: read from what
	 * Spring MVC matched when the request reached a controller, else (a request refused
	 * before) by matching the table of endpoints.
	 */
	public static Optional<ApiOperation> of(HttpServletRequest request) {
		return EndpointPermissions.endpointOf(request)
			.map((endpoint) -> new ApiOperation(endpoint.getKey().operation(), endpoint.getValue()));
	}

}
