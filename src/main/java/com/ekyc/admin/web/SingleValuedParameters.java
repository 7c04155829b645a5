package com.ekyc.admin.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter that takes one value but was given several
 * ({@code ?actor=a&actor=b}: {@code 400} "must be given once"), which Spring would
 * otherwise join into {@code "a,b"}. Repeatable parameters ({@code status}) are lists and
 * are left alone; {@code limit} and {@code start} get the same rule from
 * {@link PageQueryArgumentResolver}.
 */
@Configuration(proxyBeanMethods = false)
class SingleValuedParameters implements HandlerInterceptor, WebMvcConfigurer {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	// Per controller method: the names of its single-valued query parameters.
	private final Map<Method, List<String>> names = new ConcurrentHashMap<>();

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
		for (String name : this.names.computeIfAbsent(method.getMethod(), (key) -> singleValued(method))) {
			String[] values = request.getParameterValues(name);
			if (values != null && values.length > 1) {
				errors.add(new Problems.FieldError(name, "must be given once"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalidFields(errors));
		}
		return true;
	}

	private static List<String> singleValued(HandlerMethod method) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			Class<?> type = parameter.getParameterType();
			if (param != null && !type.isArray() && !Collection.class.isAssignableFrom(type)) {
				parameter.initParameterNameDiscovery(NAMES);
				String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
				if (name != null) {
					names.add(name);
				}
			}
		}
		return List.copyOf(names);
	}

}
