package com.ekyc.admin.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work done in a transaction on another thread and kept open, uncommitted, until
 * {@link #commit()}: makes a race between that work and another certain.
 *
 * @param <T> what the work gives
 */
public final class HeldOpen<T> {

	private final CountDownLatch commit;

	private final CompletableFuture<T> result;

	private HeldOpen(CountDownLatch commit, CompletableFuture<T> result) {
		this.commit = commit;
		this.result = result;
	}

	/**
	 * Does the work and returns once it is done, its transaction still open.
	 */
	public static <T> HeldOpen<T> transaction(TransactionTemplate transactions, Supplier<T> work)
			throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> transactions.execute((status) -> {
			T value = work.get();
			done.countDown();
			try {
				commit.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return value;
		}));
		assertThat(done.await(10, TimeUnit.SECONDS)).as("the work done, its transaction open").isTrue();
		return new HeldOpen<>(commit, result);
	}

	/**
	 * Commits the work's transaction.
	 * @return what the work gave
	 */
	public T commit() throws Exception {
		this.commit.countDown();
		return this.result.get(10, TimeUnit.SECONDS);
	}

}
