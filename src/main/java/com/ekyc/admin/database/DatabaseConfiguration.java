package com.ekyc.admin.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * Gives every connection of the pool PostgreSQL's {@code statement_timeout} from
 * {@code ekyc.database.statement-timeout}, as a startup option of the connection, so that
 * no statement of any code path runs longer. A migration that needs longer says
 * {@code SET LOCAL statement_timeout = 0} in its own transaction. Scheduled jobs that
 * fail because the database is away report it to {@link DatabaseAvailability} instead of
 * logging a stack trace at every run.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	ThreadPoolTaskSchedulerCustomizer databaseAwareScheduledJobs(DatabaseAvailability database) {
		return (scheduler) -> scheduler.setErrorHandler(jobErrors(database));
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer databaseAwareScheduledVirtualJobs(DatabaseAvailability database) {
		return (scheduler) -> scheduler.setErrorHandler(jobErrors(database));
	}

	private static ErrorHandler jobErrors(DatabaseAvailability database) {
		return (ex) -> {
			if (database.report(ex).isEmpty()) {
				logger.error("A scheduled job failed; it runs again at its next time", ex);
			}
		};
	}

	@Bean
	static BeanPostProcessor statementTimeoutOnEveryConnection(ObjectProvider<DatabaseProperties> settings) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					// Before the pool starts; the settings bean is bound and validated
					// now.
					pool.addDataSourceProperty("options",
							"-c statement_timeout=" + settings.getObject().statementTimeout().toMillis());
				}
				return bean;
			}

		};
	}

}
