package com.ekyc.admin.support;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The clients the local issuer knows. Their secrets exist only on the test classpath and
 * only work against the local issuer.
 */
public enum LocalClient {

	/** A back-office service holding every permission. */
	ADMIN("ekyc-admin-cli", "local-admin-secret", "ekyc.session.list", "ekyc.session.get", "ekyc.session.create",
			"ekyc.session.update", "ekyc.audit.read", "ekyc.user.erase"),

	/** A read-only observer. */
	VIEWER("ekyc-viewer", "local-viewer-secret", "ekyc.session.list", "ekyc.session.get"),

	/** A compliance officer: the audit trail and nothing else. */
	AUDITOR("ekyc-auditor", "local-auditor-secret", "ekyc.audit.read");

	private final String clientId;

	private final String secret;

	private final List<String> permissions;

	LocalClient(String clientId, String secret, String... permissions) {
		this.clientId = clientId;
		this.secret = secret;
		this.permissions = List.of(permissions);
	}

	static LocalClient find(String clientId, String secret) {
		return Arrays.stream(values())
			.filter((client) -> client.clientId.equals(clientId) && Objects.equals(client.secret, secret))
			.findFirst()
			.orElse(null);
	}

	public String clientId() {
		return this.clientId;
	}

	public String secret() {
		return this.secret;
	}

	public List<String> permissions() {
		return this.permissions;
	}

}
