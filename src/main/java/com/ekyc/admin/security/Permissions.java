package com.ekyc.admin.security;

import java.util.Set;

/**
 * The permission names a caller's token must carry; each endpoint needs exactly one.
 */
public final class Permissions {

	/** List every session. */
	public static final String LIST = "ekyc.session.list";

	/** Read a user's sessions, status, history and callback deliveries. */
	public static final String GET = "ekyc.session.get";

	/** Start a session for a user. */
	public static final String CREATE = "ekyc.session.create";

	/** Change a session's status and redeliver callbacks. */
	public static final String UPDATE = "ekyc.session.update";

	/** Read the audit trail and verify its hash chain. */
	public static final String AUDIT_READ = "ekyc.audit.read";

	/** Erase everything stored about a user. */
	public static final String ERASE = "ekyc.user.erase";

	/** Every permission this service knows; other scopes in a token are ignored. */
	public static final Set<String> ALL = Set.of(LIST, GET, CREATE, UPDATE, AUDIT_READ, ERASE);

	private Permissions() {
	}

}
