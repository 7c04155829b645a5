package com.ekyc.admin.session;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the newest-first list of sessions.
 *
 * @param sessions the sessions of this page, at most {@code limit}
 * @param start the offset of the first session of this page
 * @param limit the page size asked for
 * @param nextStart the offset of the next page, or {@code null} when nothing follows
 */
public record SessionPage(List<Session> sessions, int start, int limit, @Nullable Integer nextStart) {

}
