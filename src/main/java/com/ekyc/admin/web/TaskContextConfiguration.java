package com.ekyc.admin.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Work handed to Boot's executors and scheduler carries the context of the thread that
 * handed it over: the request id on its log lines and the current observation (trace).
 * Boot applies the one {@link TaskDecorator} bean to both.
 */
@Configuration(proxyBeanMethods = false)
class TaskContextConfiguration {

	@Bean
	TaskDecorator requestContextTaskDecorator() {
		ContextRegistry registry = new ContextRegistry().loadThreadLocalAccessors()
			.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIds.MDC_KEY));
		return new ContextPropagatingTaskDecorator(ContextSnapshotFactory.builder().contextRegistry(registry).build());
	}

}
