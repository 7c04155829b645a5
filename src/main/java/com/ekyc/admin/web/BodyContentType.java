package com.ekyc.admin.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request that sends a body, or that goes to an operation taking one, must say that the
 * body is JSON, once: a {@code Content-Type} given twice is {@code 400}; a body without
 * one, any other type, a wildcard ({@code * / *}, on which Spring MVC would fail with a
 * 500 while reading the body) included, and a compressed body ({@code Content-Encoding})
 * are {@code 415}, for every operation alike.
 */
@Configuration(proxyBeanMethods = false)
class BodyContentType implements HandlerInterceptor, WebMvcConfigurer {

	// Per controller method: whether it takes a body.
	private final Map<Method, Boolean> takesBody = new ConcurrentHashMap<>();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotSupportedException {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		boolean sent = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (!sent && !this.takesBody.computeIfAbsent(method.getMethod(),
				(key) -> Arrays.stream(method.getMethodParameters())
					.anyMatch((parameter) -> parameter.hasParameterAnnotation(RequestBody.class)))) {
			return true;
		}
		List<String> values = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
		if (values.size() > 1) {
			throw new ProblemException(Problems.invalidField(HttpHeaders.CONTENT_TYPE, "must be given once"));
		}
		MediaType type = (values.size() == 1) ? parsed(values.get(0)) : null;
		// A body sent without its type is no more JSON than one of another type.
		if ((type != null && !isJson(type)) || (values.isEmpty() && sent)) {
			throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
					HttpMethod.valueOf(request.getMethod()));
		}
		if (Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))
			.stream()
			.anyMatch((encoding) -> !encoding.equalsIgnoreCase("identity"))) {
			throw new ProblemException(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"A Content-Encoding is not supported: send the body uncompressed."));
		}
		return true;
	}

	private static boolean isJson(MediaType type) {
		return !type.isWildcardType() && !type.isWildcardSubtype() && (MediaType.APPLICATION_JSON.includes(type)
				|| "application".equals(type.getType()) && "json".equals(type.getSubtypeSuffix()));
	}

	// A value that is no media type at all Spring MVC answers itself.
	private static @Nullable MediaType parsed(String value) {
		try {
			return MediaType.parseMediaType(value);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
