package com.ekyc.admin.audit.web;

import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail pages by cursor only: its operations do not offer the {@code start}
 * that the shared paging parameters bring (and that they answer with {@code 400}).
 */
@Configuration(proxyBeanMethods = false)
class AuditOpenApi {

	@Bean
	OperationCustomizer auditTrailPagesByCursorOnly() {
		return (operation, handler) -> {
			if (handler.getBeanType() == AuditController.class && operation.getParameters() != null) {
				operation.getParameters().removeIf((parameter) -> "start".equals(parameter.getName()));
			}
			return operation;
		};
	}

}
