package com.ekyc.admin.callback;

/**
 * A delivery became due inside the current transaction (a new one, or a failed one sent
 * again): once the transaction commits, the dispatcher claims it without waiting for its
 * next poll.
 */
record DeliveryDue() {
}
