package com.ekyc.admin.callback;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

	@Bean
	HostResolver hostResolver() {
		return HostResolver.SYSTEM;
	}

	@Bean
	CallbackSender callbackSender(CallbackProperties properties, HostResolver hostResolver, WebhookSigner signer,
			Clock clock) {
		return new CallbackSender(properties, hostResolver, signer, clock);
	}

	@Bean
	Gauge pendingDeliveries(MeterRegistry meters, CallbackDeliveryRepository deliveries) {
		return Gauge.builder("ekyc.callbacks.pending", deliveries, CallbackDeliveryRepository::countPending)
			.description("Deliveries waiting for an attempt")
			.register(meters);
	}

}
