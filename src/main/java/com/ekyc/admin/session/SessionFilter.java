package com.ekyc.admin.session;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.ekyc.admin.web.Sha256;

/**
 * Which sessions the list of all sessions shows; each part given narrows it.
 *
 * @param statuses only sessions in these statuses; empty for all
 * @param createdFrom only sessions created at or after this instant
 * @param createdTo only sessions created before this instant
 * @param createdBy only sessions this actor created
 */
public record SessionFilter(Set<SessionStatus> statuses, @Nullable Instant createdFrom, @Nullable Instant createdTo,
		@Nullable String createdBy) {

	/**
	 * The filter in a short canonical text form, for a cursor to be taken back only with
	 * the same filter: the status names, sorted, and a digest of the rest when given.
	 */
	public String canonical() {
		String names = this.statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		if (this.createdFrom == null && this.createdTo == null && this.createdBy == null) {
			return names;
		}
		String rest = this.createdFrom + "\n" + this.createdTo + "\n" + this.createdBy;
		return names + ";" + Sha256.shortHex(rest);
	}

}
