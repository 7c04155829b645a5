package com.ekyc.admin.database;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the service's use of PostgreSQL ({@code ekyc.database.*}); the connection
 * itself is Spring Boot's {@code spring.datasource.*}.
 *
 * @param statementTimeout the longest any SQL statement may run (PostgreSQL's
 * {@code statement_timeout}); past it the statement is cancelled and the request answered
 * {@code 503}
 */
@Validated
@ConfigurationProperties("ekyc.database")
public record DatabaseProperties(
		@DurationMin(millis = 100) @DurationMax(hours = 1) @DefaultValue("5s") Duration statementTimeout) {

}
