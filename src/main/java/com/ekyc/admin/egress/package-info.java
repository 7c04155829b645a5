/**
 * Where callbacks may go (the SSRF guard): the rules for callback URLs and the resolver
 * that keeps every connection on a checked public address.
 * {@link com.ekyc.admin.egress.CallbackAddressGuard} is the one entry; everything else is
 * package-private.
 */
@NullMarked
package com.ekyc.admin.egress;

import org.jspecify.annotations.NullMarked;
