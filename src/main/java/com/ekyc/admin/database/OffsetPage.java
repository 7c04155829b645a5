package com.ekyc.admin.database;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of an ordered list read with {@code limit} and {@code offset}.
 *
 * @param items the items of this page, at most {@code limit}
 * @param start the offset of the first item of this page
 * @param limit the page size asked for
 * @param nextStart the offset of the next page, or {@code null} when nothing follows
 * @param <T> the kind of item
 */
public record OffsetPage<T>(List<T> items, int start, int limit, @Nullable Integer nextStart) {

	/**
	 * The page from what a query read with {@code limit + 1} rows: the extra row, if
	 * there is one, only tells that another page follows.
	 */
	public static <T> OffsetPage<T> of(List<T> readOneMore, int start, int limit) {
		if (readOneMore.size() <= limit) {
			return new OffsetPage<>(readOneMore, start, limit, null);
		}
		long next = (long) start + limit;
		return new OffsetPage<>(readOneMore.subList(0, limit), start, limit,
				(next <= Integer.MAX_VALUE) ? (int) next : null);
	}

}
