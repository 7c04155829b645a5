package com.ekyc.admin.callback;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

import com.ekyc.admin.egress.CallbackAddressGuard;

@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

	@Bean
	CallbackAddressGuard callbackAddressGuard(CallbackProperties properties) {
		return new CallbackAddressGuard(properties.allowHttp(), properties.allowPrivateNetworks(),
				CallbackAddressGuard.HostResolver.SYSTEM);
	}

	@Bean
	CallbackSender callbackSender(RestClient.Builder clients, CallbackProperties properties, CallbackAddressGuard guard,
			WebhookSigner signer, TaskScheduler scheduler, Clock clock) {
		return new CallbackSender(clients, properties, guard, signer, scheduler, clock);
	}

	/**
	 * The workers that make attempts: Boot's executor, with its task decorator (the
	 * logging context) and its lifecycle (on shutdown, attempts under way finish before
	 * the database pool closes).
	 */
	@Bean
	ThreadPoolTaskExecutor callbackWorkers(ThreadPoolTaskExecutorBuilder executors, CallbackProperties properties) {
		// Never more attempts handed over than workers are free; the queue only takes up
		// the moment a finishing worker still holds its thread.
		return executors.corePoolSize(properties.workers())
			.maxPoolSize(properties.workers())
			.queueCapacity(properties.workers())
			.threadNamePrefix("callback-worker-")
			.build();
	}

	@Bean
	Gauge pendingDeliveries(MeterRegistry meters, CallbackDeliveryRepository deliveries) {
		return Gauge.builder("ekyc.callbacks.pending", deliveries, CallbackDeliveryRepository::countPending)
			.description("Deliveries waiting for an attempt")
			.register(meters);
	}

}
