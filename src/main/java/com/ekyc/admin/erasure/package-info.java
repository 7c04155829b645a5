/**
 * Forgetting, as the law and good practice ask: erasure of a user on request, and the
 * retention jobs that erase old terminal sessions and delete old callback deliveries.
 */
@NullMarked
package com.ekyc.admin.erasure;

import org.jspecify.annotations.NullMarked;
