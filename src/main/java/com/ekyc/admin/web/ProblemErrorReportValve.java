package com.ekyc.admin.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error page for requests it refuses before any application code
 * runs (a null byte or an encoded slash in the path, a malformed request line): they get
 * a small {@code application/problem+json} body too.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String detail = (status < 500) ? "The request is malformed or not allowed." : "The server failed.";
		String body = "{\"type\":\"urn:ekyc:problem:" + ((status < 500) ? "bad-request" : "internal-server-error")
				+ "\",\"title\":\"" + ((status < 500) ? "Bad Request" : "Internal Server Error") + "\",\"status\":"
				+ status + ",\"detail\":\"" + detail + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed: nothing more can be said.
		}
	}

}
