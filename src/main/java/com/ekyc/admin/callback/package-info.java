/**
 * Callbacks to the caller's own URL: the outbox of deliveries, the dispatcher that claims
 * and sends them, their signatures and their configuration.
 */
@NullMarked
package com.ekyc.admin.callback;

import org.jspecify.annotations.NullMarked;
