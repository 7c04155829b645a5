package com.ekyc.admin.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enum constants in query parameters by their exact names only, one per parameter
 * ({@code ?status=CREATED&status=APPROVED}; not {@code CREATED%20}, {@code created} nor
 * {@code CREATED,APPROVED}): checked on the values as given, as Spring's binding trims
 * them, splits them at commas, and falls back to lenient editors when a strict conversion
 * fails. An empty value counts as not given.
 */
@Configuration(proxyBeanMethods = false)
class ExactEnumParameters implements HandlerInterceptor, WebMvcConfigurer {

	// Per controller method: its query parameters that take enum constants.
	private final Map<Method, List<EnumParameter>> parameters = new ConcurrentHashMap<>();

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
		for (EnumParameter parameter : this.parameters.computeIfAbsent(method.getMethod(),
				(key) -> enumParameters(method))) {
			String[] values = request.getParameterValues(parameter.name());
			if (values != null && !Arrays.stream(values).allMatch(parameter::takes)) {
				errors.add(new Problems.FieldError(parameter.name(), "must be one of " + parameter.names()));
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalidFields(errors));
		}
		return true;
	}

	private static List<EnumParameter> enumParameters(HandlerMethod method) {
		List<EnumParameter> found = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			ResolvableType type = ResolvableType.forMethodParameter(parameter);
			Class<?> constants = type.isArray() || type.asCollection() != ResolvableType.NONE
					? type.getNested(2).resolve() : type.resolve();
			if (param != null && !param.name().isEmpty() && constants != null && constants.isEnum()) {
				found.add(new EnumParameter(param.name(),
						Arrays.stream(constants.getEnumConstants())
							.map((constant) -> ((Enum<?>) constant).name())
							.toList()));
			}
		}
		return List.copyOf(found);
	}

	private record EnumParameter(String name, List<String> names) {

		boolean takes(String value) {
			return value.isEmpty() || this.names.contains(value);
		}

	}

}
