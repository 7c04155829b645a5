package com.ekyc.admin.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error page for requests it refuses before any application code
 * runs (a null byte or an encoded slash in the path, a malformed request line): they get
 * a small {@code application/problem+json} body too. Public, as Tomcat makes it from its
 * class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String title = Problems.reasonPhrase(status);
		String detail = (status < 500) ? "The request is malformed or not allowed." : "The server failed.";
		String body = "{\"type\":\"" + Problems.typeOf(title) + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}";
		try {
			// Bytes, not a writer: JSON is UTF-8 by definition and takes no charset
			// parameter, as in every other answer.
			response.setContentType("application/problem+json");
			OutputStream out = response.getOutputStream();
			out.write(body.getBytes(StandardCharsets.UTF_8));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed: nothing more can be said.
		}
	}

}
