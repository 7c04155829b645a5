package com.ekyc.admin.database;

import java.util.function.IntSupplier;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Work done in batches of its own transactions: the batch is repeated while it comes back
 * full, so that a job never holds many rows or one long transaction at once.
 */
public final class Batches {

	private Batches() {
	}

	/**
	 * Runs the batch until it handles fewer than {@code batchSize} items.
	 * @param batch one batch, answering how many items it handled
	 * @return how many items all batches handled
	 */
	public static int untilShort(int batchSize, IntSupplier batch) {
		int total = 0;
		int handled;
		do {
			handled = batch.getAsInt();
			total += handled;
		}
		while (handled == batchSize);
		return total;
	}

	/**
	 * Runs the batch, each time in a transaction of its own, until it handles fewer than
	 * {@code batchSize} items.
	 * @param batch one batch, answering how many items it handled
	 * @return how many items all batches handled
	 */
	public static int untilShort(TransactionOperations transactions, int batchSize, IntSupplier batch) {
		return untilShort(batchSize, () -> {
			Integer handled = transactions.execute((status) -> batch.getAsInt());
			return (handled != null) ? handled : 0;
		});
	}

}
