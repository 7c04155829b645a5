/**
 * HTTP infrastructure shared by every feature: RFC 9457 problem responses, request limits
 * and the OpenAPI document. Imports nothing from the features.
 */
@NullMarked
package com.ekyc.admin.web;

import org.jspecify.annotations.NullMarked;
