package com.ekyc.admin.callback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

	@Bean
	HostResolver hostResolver() {
		return HostResolver.SYSTEM;
	}

}
