package com.ekyc.admin.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter or a header that takes one value but was given several
 * ({@code ?actor=a&actor=b}, two {@code Idempotency-Key} headers: {@code 400} "must be
 * given once"), which Spring would otherwise join into {@code "a,b"}. Repeatable
 * parameters ({@code status}) are lists and are left alone; {@code limit} and
 * {@code start} get the same rule from {@link PageQueryArgumentResolver}.
 */
@Configuration(proxyBeanMethods = false)
class SingleValuedParameters implements HandlerInterceptor, WebMvcConfigurer {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	// Headers that HTTP defines as lists, which may come split over several lines.
	private static final Set<String> LISTS = Set.of(HttpHeaders.IF_MATCH);

	// Per controller method: its single-valued query parameters and headers.
	private final Map<Method, List<Single>> names = new ConcurrentHashMap<>();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		List<Problems.FieldError> errors = new ArrayList<>();
		for (Single single : this.names.computeIfAbsent(method.getMethod(), (key) -> singleValued(method))) {
			if (single.givenMoreThanOnce(request)) {
				errors.add(new Problems.FieldError(single.name(), "must be given once"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalidFields(errors));
		}
		return true;
	}

	private static List<Single> singleValued(HandlerMethod method) {
		List<Single> singles = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (type.isArray() || Collection.class.isAssignableFrom(type)) {
				continue;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
			if (param != null) {
				String name = nameOf(parameter, param.name());
				if (name != null) {
					singles.add(new Single(name, false));
				}
			}
			else if (header != null && !LISTS.contains(header.name())) {
				String name = nameOf(parameter, header.name());
				if (name != null) {
					singles.add(new Single(name, true));
				}
			}
		}
		return List.copyOf(singles);
	}

	private static @Nullable String nameOf(MethodParameter parameter, String declared) {
		if (!declared.isEmpty()) {
			return declared;
		}
		parameter.initParameterNameDiscovery(NAMES);
		return parameter.getParameterName();
	}

	private record Single(String name, boolean header) {

		boolean givenMoreThanOnce(HttpServletRequest request) {
			if (this.header) {
				Enumeration<String> values = request.getHeaders(this.name);
				return values.hasMoreElements() && values.nextElement() != null && values.hasMoreElements();
			}
			String[] values = request.getParameterValues(this.name);
			return values != null && values.length > 1;
		}

	}

}
