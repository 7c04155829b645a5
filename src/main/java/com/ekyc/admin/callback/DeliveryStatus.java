package com.ekyc.admin.callback;

/**
 * Where a callback delivery stands.
 */
public enum DeliveryStatus {

	/** Waiting for its next attempt. */
	PENDING,

	/** The receiver answered 2xx. */
	DELIVERED,

	/** Every attempt of the schedule failed, or the receiver answered 410 Gone. */
	FAILED

}
