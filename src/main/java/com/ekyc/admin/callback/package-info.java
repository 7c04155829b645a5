/**
 * Callbacks to the caller's own URL: the address rules (SSRF guard) and their
 * configuration.
 */
@NullMarked
package com.ekyc.admin.callback;

import org.jspecify.annotations.NullMarked;
