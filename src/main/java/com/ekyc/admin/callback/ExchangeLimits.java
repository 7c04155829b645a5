package com.ekyc.admin.callback;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import org.springframework.scheduling.TaskScheduler;

/**
 * Holds a callback exchange to its one deadline and reads at most 1 KiB of the answer.
 * The outermost step of the HTTP client's chain: when the deadline passes, the exchange
 * is cancelled in whatever stage it is (connecting, sending, waiting, reading), since
 * read and connect timeouts alone do not bound a receiver that answers a byte at a time.
 * An answer longer than the limit is cut off and its connection dropped.
 */
class ExchangeLimits implements ExecChainHandler {

	static final int MAX_ANSWER_BYTES = 1024;

	private final TaskScheduler scheduler;

	private final Duration timeout;

	ExchangeLimits(TaskScheduler scheduler, Duration timeout) {
		this.scheduler = scheduler;
		this.timeout = timeout;
	}

	@Override
	public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
			throws IOException, HttpException {
		// Dropping the connection ends the exchange at once: a connect, a write or a read
		// under way fails.
		ScheduledFuture<?> deadline = this.scheduler.schedule(scope.execRuntime::discardEndpoint,
				Instant.now().plus(this.timeout));
		try {
			ClassicHttpResponse response = chain.proceed(request, scope);
			keepAtMostLimit(response, scope.execRuntime);
			return response;
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static void keepAtMostLimit(ClassicHttpResponse response, ExecRuntime connection) throws IOException {
		HttpEntity entity = response.getEntity();
		if (entity == null) {
			return;
		}
		InputStream body = entity.getContent();
		byte[] kept = body.readNBytes(MAX_ANSWER_BYTES);
		if (body.read() != -1) {
			// Closing the body would read the rest of it: drop the connection instead.
			connection.discardEndpoint();
		}
		else {
			// The whole answer was read: the connection may serve the next attempt.
			body.close();
		}
		response.setEntity(new ByteArrayEntity(kept, null));
	}

}
