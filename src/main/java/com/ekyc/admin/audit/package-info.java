/**
 * The audit trail: who called which operation about whom, with what outcome; recorded in
 * the transaction of each change and in batches for reads, sealed into a SHA-256 hash
 * chain, verified on request and kept for {@code ekyc.audit.retention}.
 */
@NullMarked
package com.ekyc.admin.audit;

import org.jspecify.annotations.NullMarked;
