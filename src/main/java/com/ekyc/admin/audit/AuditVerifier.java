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
		Long sealedUpTo = sealedUpTo();
		if (sealedUpTo == null) {
			return new ChainVerification(true, 0, null, null);
		}
		long records = 0;
		List<AuditRecord> page;
		AuditChain chain = new AuditChain();
		do {
			page = this.jdbc
				.sql("select " + StoredRecords.COLUMNS_WITHOUT_HASH
						+ " from audit_records r where r.id > ? and r.id <= ? order by r.id limit ?")
				.param(after)
				.param(sealedUpTo)
				.param(PAGE)
				.query(StoredRecords.MAPPER)
				.list();
			if (page.isEmpty()) {
				break;
			}
			List<SealRuns.Run> runs = runsCovering(firstId(page), lastId(page));
			Map<String, String> erased = erasedDigests(page);
			int run = 0;
			for (AuditRecord record : page) {
				long id = Objects.requireNonNull(record.id());
				while (run < runs.size() && runs.get(run).lastId() < id) {
					run++;
				}
				byte[] expected = chain.link(Objects.requireNonNull(previous), record);
				boolean sealed = run < runs.size() && runs.get(run).covers(id) && runs.get(run).holds(id, expected);
				if (!sealed || !userMatches(record, erased)) {
					return new ChainVerification(false, records, sealedUpTo, id);
				}
				previous = AuditChain.hex(expected);
				after = id;
				records++;
			}
		}
		while (page.size() == PAGE);
		return new ChainVerification(true, records, (records > 0) ? after : null, null);
	}

	// The seal runs that cover ids from first to last: from the last that starts at or
	// before first.
	private List<SealRuns.Run> runsCovering(long first, long last) {
		return this.jdbc.sql("""
				select first_id, last_id, hashes from audit_seal_runs
				where first_id <= :last
				  and first_id >= coalesce((select max(first_id) from audit_seal_runs where first_id <= :first), :first)
				order by first_id""")
			.param("first", first)
			.param("last", last)
			.query((row, rowNumber) -> new SealRuns.Run(row.getLong("first_id"), row.getLong("last_id"),
					row.getBytes("hashes")))
			.list();
	}

	private static long firstId(List<AuditRecord> page) {
		return Objects.requireNonNull(page.get(0).id());
	}

	private static long lastId(List<AuditRecord> page) {
		return Objects.requireNonNull(page.get(page.size() - 1).id());
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
		return this.jdbc.sql("select last.last_id from " + SealRuns.LAST).query(Long.class).optional().orElse(null);
	}

}
