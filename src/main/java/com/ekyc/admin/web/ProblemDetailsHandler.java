package com.ekyc.admin.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import com.ekyc.admin.database.DatabaseAvailability;
import com.ekyc.admin.database.DatabaseFailures;

/**
 * Answers every error raised in Spring MVC as an RFC 9457 problem: the framework's own,
 * the features' {@link org.springframework.web.ErrorResponseException}s, and, as a last
 * resort, a {@code 500} that is logged once and tells nothing internal.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	private final DatabaseAvailability database;

	private final ProblemResponseWriter problems;

	ProblemDetailsHandler(DatabaseAvailability database, ProblemResponseWriter problems) {
		this.database = database;
		this.problems = problems;
	}

	/**
	 * The client accepts no JSON answer, or sent an {@code Accept} header that is no list
	 * of media types at all: a problem all the same.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex,
				Problems.of(status,
						"The client must accept application/json or "
								+ "application/problem+json answers, in a well-formed Accept header."),
				headers, status, request);
	}

	/**
	 * The request firewall judges some headers only when they are read, that is here: the
	 * same {@code 400} as when it refuses a request at the door.
	 */
	@ExceptionHandler
	ResponseEntity<Object> handleRejected(RequestRejectedException ex, WebRequest request) {
		ProblemDetail problem = (request instanceof ServletWebRequest servlet) ? Problems.refused(servlet.getRequest())
				: Problems.invalidRequest("The request holds characters that are not allowed.", List.of());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Parameters Tomcat could not parse, found where they are first read (on the
	 * management port, which {@link ParameterParsingFilter} does not guard).
	 */
	@ExceptionHandler
	ResponseEntity<Object> handleUnparsableParameters(InvalidParameterException ex, WebRequest request) {
		ProblemDetail problem = ParameterParsingFilter.problemFor(ex);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		Optional<DatabaseFailures.Kind> trouble = this.database.report(ex);
		if (trouble.isPresent()) {
			return databaseUnavailable(ex, trouble.get(), request);
		}
		logger.error("Unexpected error answering {}", describe(request), ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed to answer this request; it has been logged.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	private ResponseEntity<Object> databaseUnavailable(Exception ex, DatabaseFailures.Kind trouble,
			WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "2");
		String detail;
		if (trouble == DatabaseFailures.Kind.TIMED_OUT) {
			logger.warn("A database statement ran past its time limit answering {}", describe(request));
			detail = "The request took the database longer than allowed and was stopped; try again later.";
		}
		else {
			detail = "The database is not available; try again in a moment.";
		}
		return handleExceptionInternal(ex, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, detail), headers,
				HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new Problems.FieldError(error.getField(),
					error.isBindingFailure() ? expected(ex.getBindingResult().getFieldType(error.getField()))
							: message(error)))
			.toList();
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getParameterValidationResults().stream().flatMap((result) -> {
			if (result instanceof ParameterErrors body && body.hasFieldErrors()) {
				// A validated body: name its members, not the body parameter.
				return body.getFieldErrors()
					.stream()
					.map((error) -> new Problems.FieldError(error.getField(), message(error)));
			}
			return result.getResolvableErrors()
				.stream()
				.map((error) -> new Problems.FieldError(parameterName(result.getMethodParameter()), message(error)));
		}).toList();
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch && isIdInPath(mismatch)) {
			// A malformed id names nothing, like an id that is well formed but unknown.
			return handleExceptionInternal(ex, Problems.of(HttpStatus.NOT_FOUND, "Nothing has this id."), headers,
					HttpStatus.NOT_FOUND, request);
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			// For a repeated parameter, say what each value must be, not that it must be
			// a List.
			Class<?> type = ResolvableType.forMethodParameter(mismatch.getParameter()).asCollection().resolveGeneric(0);
			return invalid(ex, List.of(new Problems.FieldError(mismatch.getName(),
					expected((type != null) ? type : mismatch.getRequiredType()))), headers, request);
		}
		return invalid(ex,
				List.of(new Problems.FieldError(String.valueOf(ex.getPropertyName()), expected(ex.getRequiredType()))),
				headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, Problems.of(HttpStatus.NOT_FOUND, "There is no endpoint at this path."),
				headers, HttpStatus.NOT_FOUND, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestBodyTooLargeException tooLarge = findCause(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return handleErrorResponseException(tooLarge, headers, tooLarge.getStatusCode(), request);
		}
		UnrecognizedPropertyException unknown = findCause(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return invalid(ex, List.of(new Problems.FieldError(unknown.getPropertyName(), "is not a known member")),
					headers, request);
		}
		MismatchedInputException mismatch = findCause(ex, MismatchedInputException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			String field = String.join(".",
					mismatch.getPath()
						.stream()
						.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
								: String.valueOf(reference.getIndex()))
						.toList());
			return invalid(ex, List.of(new Problems.FieldError(field, expected(mismatch.getTargetType()))), headers,
					request);
		}
		JacksonException json = findCause(ex, JacksonException.class);
		String detail = (mismatch != null) ? "The request body must be a JSON object." : (json != null)
				? "The request body is not valid JSON" + where(json) + "." : "The request body could not be read.";
		return handleExceptionInternal(ex, Problems.invalidRequest(detail, List.of()), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// The client went away while its answer was being written: nobody to answer,
			// and nothing wrong with the service.
			return null;
		}
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& request instanceof ServletWebRequest servlet) {
			Problems.setInstanceIfAbsent(problem, servlet.getRequest().getRequestURI());
			Problems.describeStatus(problem);
			HttpServletResponse answer = servlet.getResponse();
			if (answer != null && !hasReadableAccept(servlet.getRequest())) {
				// Written straight, as application/problem+json (RFC 9110 lets an answer
				// disregard Accept).
				response.getHeaders()
					.forEach((name, values) -> values.forEach((value) -> answer.addHeader(name, value)));
				writeUnlessGone(servlet.getRequest(), answer, problem);
				return null;
			}
		}
		return response;
	}

	private void writeUnlessGone(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) {
		try {
			this.problems.write(request, response, problem);
		}
		catch (IOException writeFailed) {
			// The client went away: nobody to answer.
		}
	}

	// Whether the request's Accept header is a list of media types. Negotiated with one
	// that is not, Spring MVC sends an error's status without its body; with one that
	// takes no JSON, it answers application/problem+json all the same.
	private static boolean hasReadableAccept(HttpServletRequest request) {
		try {
			MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private ResponseEntity<Object> invalid(Exception ex, List<Problems.FieldError> errors, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, Problems.invalidFields(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	private static boolean isIdInPath(MethodArgumentTypeMismatchException mismatch) {
		return UUID.class.equals(mismatch.getRequiredType())
				&& mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
	}

	/**
	 * Where in the body the JSON went wrong and how, so that the caller can find it:
	 * {@code " at line 1, column 12: Unexpected end-of-input"}.
	 */
	private static String where(JacksonException json) {
		TokenStreamLocation location = json.getLocation();
		String at = (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
		String what = json.getOriginalMessage();
		if (what == null || what.isBlank()) {
			return at;
		}
		// The first sentence only: Jackson goes on about its own internals.
		int end = what.indexOf('\n');
		return at + ": " + ((end >= 0) ? what.substring(0, end) : what).strip();
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid";
	}

	private static String message(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid";
	}

	private static String parameterName(org.springframework.core.MethodParameter parameter) {
		String name = parameter.getParameterName();
		return (name != null) ? name : "parameter " + parameter.getParameterIndex();
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.toString(type.getEnumConstants());
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "must be a whole number";
		}
		if (type == String.class) {
			return "must be a string";
		}
		return "must be a valid " + type.getSimpleName();
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String describe(WebRequest request) {
		String description = (request instanceof ServletWebRequest servlet)
				? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
				: request.getDescription(false);
		// Written into the log: nothing the caller chose may break a line or steer a
		// terminal.
		StringBuilder escaped = new StringBuilder(description.length());
		description.codePoints()
			.forEach((c) -> escaped.append(Character.isISOControl(c) ? "\\u%04x".formatted(c) : Character.toString(c)));
		return escaped.toString();
	}

}
