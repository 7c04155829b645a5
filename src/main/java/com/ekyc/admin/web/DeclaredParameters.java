package com.ekyc.admin.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks the query parameters and headers a controller method declares, on the values as
 * given, before Spring binds them (it would join repeated values into {@code "a,b"}, trim
 * enum names, split them at commas, and fall back to lenient editors when a strict
 * conversion fails), each failure a {@code 400} naming the parameter:
 * <ul>
 * <li>one that takes one value but was given several ({@code ?actor=a&actor=b}, two
 * {@code Idempotency-Key} headers): "must be given once". Lists ({@code status}, and
 * {@code If-Match}, which HTTP lets come over several lines) are left alone;
 * {@code limit} and {@code start} get the same rule from
 * {@link PageQueryArgumentResolver};</li>
 * <li>one that takes enum constants: each value exactly one name ({@code status=CREATED},
 * not {@code CREATED%20}, {@code created} nor {@code CREATED,APPROVED}); an empty value
 * counts as not given.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DeclaredParameters implements HandlerInterceptor, WebMvcConfigurer {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	// Headers that HTTP defines as lists, which may come split over several lines.
	private static final Set<String> LISTS = Set.of(HttpHeaders.IF_MATCH);

	// Per controller method: its query parameters and headers.
	private final Map<Method, List<Declared>> declared = new ConcurrentHashMap<>();

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
		for (Declared parameter : this.declared.computeIfAbsent(method.getMethod(), (key) -> declaredBy(method))) {
			String error = parameter.errorIn(request);
			if (error != null) {
				errors.add(new Problems.FieldError(parameter.name(), error));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalidFields(errors));
		}
		return true;
	}

	private static List<Declared> declaredBy(HandlerMethod method) {
		List<Declared> found = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
			String name = (param != null) ? nameOf(parameter, param.name())
					: (header != null) ? nameOf(parameter, header.name()) : null;
			if (name != null) {
				Class<?> type = parameter.getParameterType();
				boolean list = type.isArray() || Collection.class.isAssignableFrom(type) || LISTS.contains(name);
				found.add(new Declared(name, header != null, !list, enumNames(parameter)));
			}
		}
		return List.copyOf(found);
	}

	private static @Nullable String nameOf(MethodParameter parameter, String declared) {
		if (!declared.isEmpty()) {
			return declared;
		}
		parameter.initParameterNameDiscovery(NAMES);
		return parameter.getParameterName();
	}

	// The names of the enum constants the parameter takes (one or a list of), or none.
	private static List<String> enumNames(MethodParameter parameter) {
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		Class<?> constants = (type.isArray() || type.asCollection() != ResolvableType.NONE)
				? type.getNested(2).resolve() : type.resolve();
		if (constants == null || !constants.isEnum()) {
			return List.of();
		}
		return EnumNames.of(constants);
	}

	private record Declared(String name, boolean header, boolean singleValued, List<String> enumNames) {

		@Nullable String errorIn(HttpServletRequest request) {
			List<String> values = valuesIn(request);
			if (this.singleValued && values.size() > 1) {
				return "must be given once";
			}
			if (!this.enumNames.isEmpty()
					&& !values.stream().allMatch((value) -> value.isEmpty() || this.enumNames.contains(value))) {
				return "must be one of " + this.enumNames;
			}
			return null;
		}

		private List<String> valuesIn(HttpServletRequest request) {
			if (this.header) {
				Enumeration<String> values = request.getHeaders(this.name);
				return (values != null) ? Collections.list(values) : List.of();
			}
			String[] values = request.getParameterValues(this.name);
			return (values != null) ? Arrays.asList(values) : List.of();
		}

	}

}
