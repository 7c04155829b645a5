/**
 * What the tests run against: a real PostgreSQL of their own, a local token issuer, and
 * an HTTP client for the running service.
 */
package com.ekyc.admin.support;
