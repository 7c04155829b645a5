package com.ekyc.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads {@link PageQuery} from the query string, on every list: {@code limit} and
 * {@code start} in plain decimal, each at most once, within their bounds; an empty value
 * counts as absent. Every wrong parameter is named in one {@code 400}, with the messages
 * bean validation gives. Two numbers do not need a data binder and a validator, which
 * took a fifth of a list's time.
 */
@Configuration(proxyBeanMethods = false)
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,10}");

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return PageQuery.class.equals(parameter.getParameterType());
	}

	@Override
	public PageQuery resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		List<Problems.FieldError> errors = new ArrayList<>();
		Integer limit = read(request, "limit", 1, PageQuery.MAX_LIMIT, errors);
		Integer start = read(request, "start", 0, Integer.MAX_VALUE, errors);
		if (!errors.isEmpty()) {
			throw new ProblemException(Problems.invalidFields(errors));
		}
		return new PageQuery(limit, start);
	}

	private static @Nullable Integer read(NativeWebRequest request, String name, int min, int max,
			List<Problems.FieldError> errors) {
		String[] values = request.getParameterValues(name);
		if (values == null || (values.length == 1 && values[0].isEmpty())) {
			return null;
		}
		if (values.length > 1) {
			errors.add(new Problems.FieldError(name, "must be given once"));
			return null;
		}
		if (!DECIMAL.matcher(values[0]).matches()) {
			errors.add(new Problems.FieldError(name, "must be a whole number"));
			return null;
		}
		long value = Long.parseLong(values[0]);
		if (value < min) {
			errors.add(new Problems.FieldError(name, "must be greater than or equal to " + min));
			return null;
		}
		if (value > max) {
			errors.add(new Problems.FieldError(name, "must be less than or equal to " + max));
			return null;
		}
		return (int) value;
	}

}
