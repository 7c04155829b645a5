package com.ekyc.admin.session.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import com.ekyc.admin.session.SessionProperties;
import com.ekyc.admin.session.SessionStatus;

/**
 * Fills in what the session operations' descriptions leave to the code:
 * {@code {allowed-moves}} from the table in {@link SessionStatus} and
 * {@code {idempotency-window}} from {@code ekyc.sessions.idempotency-window}, so that the
 * document says what this instance does.
 */
@Component
class SessionOperationDescriptions implements OperationCustomizer {

	private final String allowedMoves = allowedMoves();

	private final String idempotencyWindow;

	SessionOperationDescriptions(SessionProperties properties) {
		this.idempotencyWindow = inWords(properties.idempotencyWindow());
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		if (handlerMethod.getBeanType() == SessionController.class) {
			operation.setDescription(fillIn(operation.getDescription()));
			if (operation.getParameters() != null) {
				operation.getParameters()
					.forEach((parameter) -> parameter.setDescription(fillIn(parameter.getDescription())));
			}
		}
		return operation;
	}

	private String fillIn(String text) {
		return (text != null) ? text.replace("{allowed-moves}", this.allowedMoves)
			.replace("{idempotency-window}", this.idempotencyWindow) : null;
	}

	/**
	 * "CREATED → IN_PROGRESS, SUBMITTED, CANCELLED; … APPROVED, REJECTED, EXPIRED and
	 * CANCELLED are terminal; EXPIRED is set only by the service."
	 */
	static String allowedMoves() {
		List<SessionStatus> all = Arrays.asList(SessionStatus.values());
		String moves = all.stream()
			.filter((status) -> !status.isTerminal())
			.map((status) -> status + " → " + names(status.allowedMoves()))
			.collect(Collectors.joining("; "));
		Set<SessionStatus> reachable = EnumSet.of(SessionStatus.CREATED);
		all.forEach((status) -> reachable.addAll(status.allowedMoves()));
		Set<SessionStatus> byServiceOnly = EnumSet.complementOf(EnumSet.copyOf(reachable));
		String text = moves + ". " + inWords(all.stream().filter(SessionStatus::isTerminal).toList()) + " are terminal";
		if (!byServiceOnly.isEmpty()) {
			text += "; " + inWords(List.copyOf(byServiceOnly)) + ((byServiceOnly.size() == 1) ? " is" : " are")
					+ " set only by the service";
		}
		return text + ".";
	}

	private static String names(Set<SessionStatus> statuses) {
		return statuses.stream().map(SessionStatus::name).collect(Collectors.joining(", "));
	}

	private static String inWords(List<SessionStatus> statuses) {
		List<String> names = statuses.stream().map(SessionStatus::name).toList();
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	/**
	 * A duration as people write it: "24 hours", "30 minutes", "7 days".
	 */
	static String inWords(Duration duration) {
		// A day is said in hours: "24 hours" is what people expect of such a window.
		if (duration.toDays() > 1 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return plural(duration.toDays(), "day");
		}
		if (duration.equals(Duration.ofHours(duration.toHours())) && duration.toHours() > 0) {
			return plural(duration.toHours(), "hour");
		}
		if (duration.equals(Duration.ofMinutes(duration.toMinutes())) && duration.toMinutes() > 0) {
			return plural(duration.toMinutes(), "minute");
		}
		return plural(duration.toSeconds(), "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
