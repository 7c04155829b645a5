package com.ekyc.admin.audit;

import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail ({@code ekyc.audit.*}).
 *
 * @param retention how long records are kept (by {@code occurredAt}); the usual
 * anti-money-laundering record-keeping period by default
 * @param flushInterval how often the records of reads waiting in memory are written; a
 * read is recorded within this plus the time a batch takes
 * @param sealInterval how often new records are sealed into the hash chain
 * @param headLogInterval how often the chain's head (its last record's id and hash) is
 * logged, when it moved: an anchor outside the database
 * @param retentionInterval how often records past their retention are deleted
 * @param pendingLimit how many records of reads may wait in memory; past it requests are
 * answered {@code 503} until they are written, rather than left unrecorded
 */
@Validated
@ConfigurationProperties("ekyc.audit")
public record AuditProperties(@NotNull @DefaultValue("5y") Period retention,
		@NotNull @DurationMin(millis = 10) @DurationMax(seconds = 1) @DefaultValue("200ms") Duration flushInterval,
		@NotNull @DurationMin(millis = 100) @DefaultValue("1s") Duration sealInterval,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration headLogInterval,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration retentionInterval,
		@Min(100) @Max(1_000_000) @DefaultValue("20000") int pendingLimit) {

}
