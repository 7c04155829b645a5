package com.ekyc.admin.web;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one factory of problem bodies: every {@code application/problem+json} answer, of
 * every feature, is built here, so that each has a stable {@code type} under one prefix,
 * a title, its status and a detail, plus the extension members its kind documents.
 */
public final class Problems {

	/**
	 * Every problem type is this prefix and a slug: {@code urn:ekyc:problem:not-found}.
	 */
	private static final String TYPE_PREFIX = "urn:ekyc:problem:";

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final String INVALID_REQUEST = "invalid-request";

	private Problems() {
	}

	/**
	 * A problem of a kind of its own: {@code type} is the prefix and {@code kind}, and
	 * the members are added in their order.
	 */
	public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail,
			Map<String, ?> members) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + kind));
		problem.setTitle(title);
		members.forEach(problem::setProperty);
		return problem;
	}

	/**
	 * A problem of a kind of its own, without extension members.
	 */
	public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
		return of(status, kind, title, detail, Map.of());
	}

	/**
	 * A problem that is no more than its HTTP status, typed and titled by the status's
	 * reason phrase ({@code urn:ekyc:problem:not-found}, "Not Found").
	 */
	public static ProblemDetail of(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		describeStatus(problem);
		return problem;
	}

	/**
	 * Gives a problem that names no type of its own (one Spring built) the type and title
	 * of its HTTP status, so that every problem has both.
	 */
	static void describeStatus(ProblemDetail problem) {
		String phrase = reasonPhrase(problem.getStatus());
		if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
			problem.setType(URI.create(typeOf(phrase)));
		}
		if (problem.getTitle() == null) {
			problem.setTitle(phrase);
		}
	}

	static String reasonPhrase(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : ((status < 500) ? "Bad Request" : "Server Error");
	}

	/**
	 * The type of the problems of one HTTP status, from its reason phrase.
	 */
	static String typeOf(String reasonPhrase) {
		return TYPE_PREFIX + reasonPhrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	/**
	 * A {@code 400} naming the request fields that are wrong and why, in {@code errors}.
	 */
	public static ProblemDetail invalidRequest(String detail, List<FieldError> errors) {
		return of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail, Map.of("errors", errors));
	}

	/**
	 * A {@code 400} naming the request fields that are wrong and why, in {@code errors}
	 * and in the detail: "The request is not valid: limit must be greater than or equal
	 * to 1.".
	 */
	public static ProblemDetail invalidFields(List<FieldError> errors) {
		String detail = errors.isEmpty() ? "The request is not valid." : "The request is not valid: "
				+ String.join("; ", errors.stream().map((error) -> error.field() + " " + error.message()).toList())
				+ ".";
		return invalidRequest(detail, errors);
	}

	/**
	 * A {@code 400} about one field, whose detail is the field and the rule: "callback
	 * must be an absolute https URL.".
	 */
	public static ProblemDetail invalidField(String field, String message) {
		return invalidRequest(field + " " + message + ".", List.of(new FieldError(field, message)));
	}

	/**
	 * A {@code 400} for a request the firewall refused, saying which part was refused: a
	 * header (named, unless its name is the trouble), a parameter name, or the URL.
	 */
	public static ProblemDetail refused(HttpServletRequest request) {
		// The firewall's wrapper would refuse to show the header again.
		ServletRequest unwrapped = request;
		while (unwrapped instanceof ServletRequestWrapper wrapper) {
			unwrapped = wrapper.getRequest();
		}
		HttpServletRequest raw = (HttpServletRequest) unwrapped;
		for (String name : Collections.list(raw.getHeaderNames())) {
			if (!isPrintable(name)) {
				return invalidRequest("A header name holds characters that are not allowed.", List.of());
			}
			for (String value : Collections.list(raw.getHeaders(name))) {
				if (!isPrintable(value)) {
					return invalidRequest("The header " + name + " holds characters that are not allowed.",
							List.of(new FieldError(name, "must hold printable characters only")));
				}
			}
		}
		return invalidRequest("The request URL contains characters or sequences that are not allowed.", List.of());
	}

	// The firewall's own rule for header names and values.
	private static boolean isPrintable(String text) {
		return text.codePoints().allMatch((c) -> Character.isDefined(c) && !Character.isISOControl(c));
	}

	/**
	 * Names the request path as the problem's {@code instance}, unless it names one
	 * already or the path is no valid URI reference.
	 */
	public static void setInstanceIfAbsent(ProblemDetail problem, String requestPath) {
		if (problem.getInstance() == null) {
			try {
				problem.setInstance(URI.create(requestPath));
			}
			catch (IllegalArgumentException ex) {
				// A path Tomcat let through but java.net.URI cannot read: leave instance
				// out.
			}
		}
	}

	/**
	 * One wrong field of a request: a body member, a path variable, a parameter or a
	 * header.
	 */
	public record FieldError(String field, String message) {
	}

}
