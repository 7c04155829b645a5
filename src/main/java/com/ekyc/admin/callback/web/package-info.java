/**
 * HTTP endpoints of the callback feature: a session's delivery log and redelivery.
 */
@NullMarked
package com.ekyc.admin.callback.web;

import org.jspecify.annotations.NullMarked;
