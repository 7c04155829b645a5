package com.ekyc.admin.session;

/**
 * The outcome of a create request: the session, and whether it was created earlier by the
 * same {@code Idempotency-Key} and is only being answered again.
 */
public record SessionCreation(Session session, boolean replayed) {

}
