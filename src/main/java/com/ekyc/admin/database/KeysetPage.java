package com.ekyc.admin.database;

import java.util.List;

/**
 * One page of an ordered list read after a position (a keyset), not at an offset: the
 * cost of a page does not grow with its depth.
 *
 * @param items the items of this page, at most {@code limit}
 * @param limit the page size asked for
 * @param more whether items follow this page
 * @param <T> the kind of item
 */
public record KeysetPage<T>(List<T> items, int limit, boolean more) {

	/**
	 * The page from what a query read with {@code limit + 1} rows: the extra row, if
	 * there is one, only tells that another page follows.
	 */
	public static <T> KeysetPage<T> of(List<T> readOneMore, int limit) {
		boolean more = readOneMore.size() > limit;
		return new KeysetPage<>(more ? readOneMore.subList(0, limit) : readOneMore, limit, more);
	}

}
