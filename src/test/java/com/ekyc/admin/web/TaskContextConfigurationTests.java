package com.ekyc.admin.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work handed to another thread carries the request id and the observation of the thread
 * that handed it over, and leaves that thread as it found it.
 */
class TaskContextConfigurationTests {

	private final TaskDecorator decorator = new TaskContextConfiguration().requestContextTaskDecorator();

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() throws InterruptedException {
		this.worker.shutdown();
		this.worker.awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void carriesTheRequestIdIntoTheWorker() throws Exception {
		CompletableFuture<@Nullable String> seen = new CompletableFuture<>();
		Runnable task;
		try (RequestIds.Scope scope = RequestIds.open("request-1")) {
			task = this.decorator.decorate(() -> seen.complete(RequestIds.current()));
		}

		this.worker.execute(task);

		assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("request-1");
		CompletableFuture<@Nullable String> afterwards = new CompletableFuture<>();
		this.worker.execute(() -> afterwards.complete(RequestIds.current()));
		assertThat(afterwards.get(5, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void carriesTheCurrentObservationIntoTheWorker() throws Exception {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		Observation request = Observation.start("request", registry);
		CompletableFuture<@Nullable Observation> seen = new CompletableFuture<>();
		Runnable task;
		try (Observation.Scope scope = request.openScope()) {
			task = this.decorator.decorate(() -> seen.complete(registry.getCurrentObservation()));
		}
		request.stop();

		this.worker.execute(task);

		assertThat(seen.get(5, TimeUnit.SECONDS)).isSameAs(request);
	}

}
