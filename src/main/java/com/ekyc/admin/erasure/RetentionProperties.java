package com.ekyc.admin.erasure;

import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the retention jobs ({@code ekyc.retention.*}).
 *
 * @param terminalSessions how long terminal sessions are kept after they ended
 * ({@code completedAt}) before they are erased; not set (the default): kept
 * @param deliveries how long delivered and failed callback deliveries are kept
 * @param interval how often the jobs run
 */
@Validated
@ConfigurationProperties("ekyc.retention")
public record RetentionProperties(@Nullable Period terminalSessions, @NotNull @DefaultValue("30d") Period deliveries,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration interval) {

}
