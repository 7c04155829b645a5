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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code Content-Type} of a request with a body must name one media type: given twice
 * it is {@code 400}, and a wildcard ({@code * / *}, {@code application/*}) is {@code 415}
 * like any type the operation does not take (Spring MVC would fail on it with a 500 while
 * reading the body).
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
		if (!(handler instanceof HandlerMethod method) || !this.takesBody.computeIfAbsent(method.getMethod(),
				(key) -> Arrays.stream(method.getMethodParameters())
					.anyMatch((parameter) -> parameter.hasParameterAnnotation(RequestBody.class)))) {
			return true;
		}
		List<String> values = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
		if (values.size() > 1) {
			throw new ProblemException(Problems.invalidField(HttpHeaders.CONTENT_TYPE, "must be given once"));
		}
		MediaType type = (values.size() == 1) ? parsed(values.get(0)) : null;
		if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
			throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
					HttpMethod.valueOf(request.getMethod()));
		}
		return true;
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
