package com.ekyc.admin.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the hash chain from the stored fields, from the first kept record on, in
 * pages of {@value #PAGE} records so that no statement runs long. One verification runs
 * at a time per instance; callers that come meanwhile share its result.
 */
@Component
class AuditVerifier {

	static final int PAGE = 10_000;

	private final JdbcClient jdbc;

	private final UserDigests digests;

	private final TransactionTemplate snapshot;

	// The verification under way, which callers that come meanwhile share.
	private final AtomicReference<@Nullable CompletableFuture<ChainVerification>> running = new AtomicReference<>();

	AuditVerifier(JdbcClient jdbc, UserDigests digests, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.digests = digests;
		// One snapshot for every page: retention moving the chain's start between two
		// pages would otherwise look like a broken link.
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * Verifies the chain; a caller that comes while a verification runs gets that one's
	 * result rather than start another.
	 */
	ChainVerification verify() {
		CompletableFuture<ChainVerification> mine = new CompletableFuture<>();
		CompletableFuture<ChainVerification> current = this.running.compareAndExchange(null, mine);
		if (current != null) {
			return resultOf(current);
		}
		try {
			ChainVerification result = Objects.requireNonNull(this.snapshot.execute((status) -> verifyChain()));
			mine.complete(result);
			return result;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.running.set(null);
		}
	}

	private static ChainVerification resultOf(CompletableFuture<ChainVerification> verification) {
		try {
			return verification.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private ChainVerification verifyChain() {
		Map<String, Object> start = this.jdbc.sql("select first_id, previous_hash from audit_chain")
			.query()
			.singleRow();
		String previous = (String) start.get("previous_hash");
		long after = ((Number) Objects.requireNonNull(start.get("first_id"))).longValue() - 1;
		long records = 0;
		Long last = null;
		List<AuditRecord> page;
		AuditChain chain = new AuditChain();
		do {
			page = this.jdbc
				.sql("select " + StoredRecords.COLUMNS + " from audit_seals s join audit_records r on r.id = s.id "
						+ "where s.id > ? order by s.id limit ?")
				.param(after)
				.param(PAGE)
				.query(StoredRecords.MAPPER)
				.list();
			Map<String, String> erased = erasedDigests(page);
			for (AuditRecord record : page) {
				String expected = chain.link(Objects.requireNonNull(previous), record);
				if (!expected.equals(record.hash()) || !userMatches(record, erased)) {
					return new ChainVerification(false, records, sealedUpTo(), record.id());
				}
				previous = record.hash();
				last = record.id();
				records++;
			}
			if (last != null) {
				after = last;
			}
		}
		while (page.size() == PAGE);
		return new ChainVerification(true, records, last, null);
	}

	private boolean userMatches(AuditRecord record, Map<String, String> erased) {
		if (record.userId() == null || record.userDigest() == null) {
			return record.userId() == null && record.userDigest() == null;
		}
		return record.userDigest().equals(erased.get(record.userId()))
				|| record.userDigest().equals(this.digests.of(record.userId()));
	}

	// The digests of the erased ids whose pseudonyms the page shows.
	private Map<String, String> erasedDigests(List<AuditRecord> page) {
		String[] pseudonyms = page.stream()
			.map(AuditRecord::userId)
			.filter((userId) -> userId != null && Pseudonyms.isPseudonym(userId))
			.distinct()
			.toArray(String[]::new);
		if (pseudonyms.length == 0) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select pseudonym, user_digest from erasures where pseudonym = any(?)
				union all
				select later_pseudonym, user_digest from erasures where later_pseudonym = any(?)""")
			.param(pseudonyms)
			.param(pseudonyms)
			.query((row, rowNumber) -> Map.entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private @Nullable Long sealedUpTo() {
		return this.jdbc.sql("select max(id) from audit_seals").query(Long.class).optional().orElse(null);
	}

}
