package com.ekyc.admin.erasure;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.ekyc.admin.audit.AuditTrail;
import com.ekyc.admin.audit.Pseudonyms;
import com.ekyc.admin.audit.RetentionMetrics;
import com.ekyc.admin.callback.CallbackErasure;
import com.ekyc.admin.database.Batches;
import com.ekyc.admin.session.SessionErasure;

/**
 * The retention jobs, every {@code ekyc.retention.interval}: terminal sessions that ended
 * longer than {@code ekyc.retention.terminal-sessions} ago are erased one by one (each
 * with a pseudonym of its own: the user may have newer sessions), and delivered or failed
 * callback deliveries older than {@code ekyc.retention.deliveries} are deleted. Both work
 * in batches of their own transactions and skip rows another instance holds.
 */
@Component
class RetentionJobs implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(RetentionJobs.class);

	static final int BATCH_SIZE = 500;

	static final String REASON = "retention";

	private final SessionErasure sessions;

	private final CallbackErasure callbacks;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final RetentionProperties properties;

	private final Counter sessionsErased;

	private final Counter deliveriesDeleted;

	private final Clock clock;

	RetentionJobs(SessionErasure sessions, CallbackErasure callbacks, AuditTrail audit,
			TransactionTemplate transactions, RetentionProperties properties, MeterRegistry meters, Clock clock) {
		this.sessions = sessions;
		this.callbacks = callbacks;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.sessionsErased = RetentionMetrics.counter(meters, "sessions");
		this.deliveriesDeleted = RetentionMetrics.counter(meters, "deliveries");
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::run, this.properties.interval(), this.properties.interval()));
	}

	void run() {
		Period terminalSessions = this.properties.terminalSessions();
		if (terminalSessions != null) {
			int erased = eraseTerminalSessionsBefore(cutoff(terminalSessions));
			logger.info("Session retention: erased {} terminal sessions that ended before {}", erased,
					cutoff(terminalSessions));
		}
		int deleted = deleteDeliveriesBefore(cutoff(this.properties.deliveries()));
		logger.info("Delivery retention: deleted {} finished deliveries created before {}", deleted,
				cutoff(this.properties.deliveries()));
	}

	int eraseTerminalSessionsBefore(Instant cutoff) {
		int total = Batches.untilShort(this.transactions, BATCH_SIZE, () -> eraseBatch(cutoff));
		this.sessionsErased.increment(total);
		return total;
	}

	private int eraseBatch(Instant cutoff) {
		List<SessionErasure.EndedSession> due = this.sessions.lockEndedBefore(cutoff, BATCH_SIZE);
		List<String> pseudonyms = new ArrayList<>(due.size());
		for (SessionErasure.EndedSession session : due) {
			String pseudonym = Pseudonyms.next();
			this.sessions.eraseSession(session.id(), pseudonym);
			this.callbacks.forget(List.of(session.id()), null, pseudonym, session.userId());
			pseudonyms.add(pseudonym);
		}
		// The audit trail last: its erasure keeps the trail's writers waiting until the
		// batch commits.
		for (int i = 0; i < due.size(); i++) {
			this.audit.eraseSession(due.get(i).userId(), due.get(i).id(), pseudonyms.get(i), REASON);
		}
		return due.size();
	}

	int deleteDeliveriesBefore(Instant cutoff) {
		int total = Batches.untilShort(BATCH_SIZE, () -> this.callbacks.deleteFinishedBefore(cutoff, BATCH_SIZE));
		this.deliveriesDeleted.increment(total);
		return total;
	}

	private Instant cutoff(Period age) {
		return this.clock.instant().atZone(ZoneOffset.UTC).minus(age).toInstant();
	}

}
