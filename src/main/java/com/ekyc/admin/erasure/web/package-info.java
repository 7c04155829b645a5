/**
 * The erasure endpoint.
 */
@NullMarked
package com.ekyc.admin.erasure.web;

import org.jspecify.annotations.NullMarked;
