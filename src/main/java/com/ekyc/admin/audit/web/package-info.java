/**
 * The audit trail's API: the query and the verification of the hash chain.
 */
@NullMarked
package com.ekyc.admin.audit.web;

import org.jspecify.annotations.NullMarked;
