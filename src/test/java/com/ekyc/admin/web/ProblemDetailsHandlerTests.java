package com.ekyc.admin.web;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import com.ekyc.admin.database.DatabaseAvailability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that goes away while its answer is written is nobody's error: no answer, no
 * warning. Any other failure after the answer began is still told.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsHandlerTests {

	private final ProblemDetailsHandler handler = new ProblemDetailsHandler(Mockito.mock(DatabaseAvailability.class),
			new ProblemResponseWriter(JsonMapper.builder().build()));

	@Test
	void staysQuietWhenTheClientHasGone(CapturedOutput output) throws Exception {
		Exception gone = new HttpMessageNotWritableException("Could not write JSON",
				new ClientAbortException(new IOException("Broken pipe")));

		assertThat(this.handler.handleException(gone, committedRequest())).isNull();
		assertThat(output).doesNotContain("already committed");
	}

	@Test
	void stillWarnsOfOtherFailuresAfterTheAnswerBegan(CapturedOutput output) throws Exception {
		Exception failed = new HttpMessageNotWritableException("Could not write JSON: no serializer");

		assertThat(this.handler.handleException(failed, committedRequest())).isNull();
		assertThat(output).contains("already committed");
	}

	private static ServletWebRequest committedRequest() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCommitted(true);
		return new ServletWebRequest(new MockHttpServletRequest("GET", "/ekyc/admin"), response);
	}

}
