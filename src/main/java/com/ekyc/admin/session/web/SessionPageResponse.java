package com.ekyc.admin.session.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.ekyc.admin.database.KeysetPage;
import com.ekyc.admin.database.OffsetPage;
import com.ekyc.admin.session.Session;
import com.ekyc.admin.session.SessionFilter;
import com.ekyc.admin.web.KeysetCursor;

/**
 * A page of the list of all sessions, asked for by {@code start} or by {@code cursor}.
 */
@Schema(name = "SessionPage", description = "A page of sessions, newest first.")
record SessionPageResponse(List<SessionResponse> items, @Schema(example = "0", nullable = true,
		description = "The offset of this page's first session; null when the page was asked for by cursor") @Nullable Integer start,
		@Schema(example = "1024") int limit,
		@Schema(example = "1024", nullable = true,
				description = "The start of the next page, or null when nothing follows or the page was asked for by cursor") @Nullable Integer nextStart,
		@Schema(example = "czF8MjAyNi0xMS0yOVQxMjowMDowMFp8MDE5YWM0YjItN2YxZS03YzNhLThkMmUtNGIxZjVhOWMzZDEwfA",
				nullable = true,
				description = "Send back as `cursor` for the next page, found by position however deep; null when nothing follows") @Nullable String nextCursor) {

	static SessionPageResponse of(OffsetPage<Session> page, SessionFilter filter) {
		return new SessionPageResponse(items(page.items()), page.start(), page.limit(), page.nextStart(),
				(page.nextStart() != null) ? nextCursor(page.items(), filter) : null);
	}

	static SessionPageResponse of(KeysetPage<Session> page, SessionFilter filter) {
		return new SessionPageResponse(items(page.items()), null, page.limit(), null,
				page.more() ? nextCursor(page.items(), filter) : null);
	}

	private static List<SessionResponse> items(List<Session> sessions) {
		return sessions.stream().map(SessionResponse::of).toList();
	}

	private static String nextCursor(List<Session> page, SessionFilter filter) {
		Session last = page.get(page.size() - 1);
		return new KeysetCursor(last.getCreatedAt(), last.getId(), filter.canonical()).encode();
	}

}
