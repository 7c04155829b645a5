package com.ekyc.admin.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: errors that reach the servlet container's error
 * dispatch (raised outside Spring MVC) are answered as problems too, never as HTML.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	private final ProblemResponseWriter problems;

	ProblemErrorController(ProblemResponseWriter problems) {
		this.problems = problems;
	}

	// Written straight, not negotiated: with a malformed Accept header Spring MVC would
	// send the status without its body.
	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatusCode status = statusOf(request);
		ProblemDetail problem = Problems.of(status, detailOf(status));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Problems.setInstanceIfAbsent(problem, (path != null) ? path.toString() : request.getRequestURI());
		this.problems.write(request, response, problem);
	}

	private static String detailOf(HttpStatusCode status) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "There is no endpoint at this path.";
		}
		return status.is5xxServerError() ? "The service failed to answer this request." : "The request was refused.";
	}

	private static HttpStatusCode statusOf(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			// Called by its path, not forwarded an error: there is nothing here.
			return HttpStatus.NOT_FOUND;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && value >= 400 && value <= 599) {
			return HttpStatusCode.valueOf(value);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
