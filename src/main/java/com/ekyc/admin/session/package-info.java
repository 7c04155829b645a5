/**
 * Verification sessions: the entity that guards its own status, its history, and the
 * service that creates and reads them.
 */
@NullMarked
package com.ekyc.admin.session;

import org.jspecify.annotations.NullMarked;
