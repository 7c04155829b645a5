package com.ekyc.admin.session;

/**
 * An {@code Idempotency-Key} as a caller sent it, with the scope it lives in: the same
 * key from another caller is another key.
 *
 * @param scope who sent it, as an opaque digest of the caller's identity
 * @param value the header's value
 */
public record IdempotencyKey(String scope, String value) {

}
