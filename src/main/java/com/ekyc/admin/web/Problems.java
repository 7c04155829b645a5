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
 * The problem bodies shared by every feature.
 */
public final class Problems {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	/** The type of every problem about the shape or content of a request. */
	public static final URI INVALID_REQUEST = URI.create("urn:ekyc:problem:invalid-request");

	private Problems() {
	}

	/**
	 * A problem of the given status, titled by the status's reason phrase.
	 */
	public static ProblemDetail of(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		describeStatus(problem);
		return problem;
	}

	/**
	 * Gives a problem that names no type of its own the type and title of its HTTP status
	 * ({@code urn:ekyc:problem:not-found}, "Not Found"), so that every problem has both.
	 */
	public static void describeStatus(ProblemDetail problem) {
		HttpStatus known = HttpStatus.resolve(problem.getStatus());
		String phrase = (known != null) ? known.getReasonPhrase() : "Error";
		if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
			problem.setType(URI.create(typeOf(phrase)));
		}
		if (problem.getTitle() == null) {
			problem.setTitle(phrase);
		}
	}

	/**
	 * The type of the problems of one HTTP status, from its reason phrase:
	 * {@code urn:ekyc:problem:not-found}.
	 */
	static String typeOf(String reasonPhrase) {
		return "urn:ekyc:problem:" + reasonPhrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	/**
	 * A {@code 400} naming the request fields that are wrong and why.
	 */
	public static ProblemDetail invalidRequest(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				errors.stream().map((error) -> Map.of("field", error.field(), "message", error.message())).toList());
		return problem;
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
