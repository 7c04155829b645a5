/**
 * HTTP endpoints of the session feature, with their request and response records.
 */
@NullMarked
package com.ekyc.admin.session.web;

import org.jspecify.annotations.NullMarked;
