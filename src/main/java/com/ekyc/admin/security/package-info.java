/**
 * Bearer-token security: the permissions, which endpoint needs which, and how a JWT's
 * claims become permissions and an actor.
 */
@NullMarked
package com.ekyc.admin.security;

import org.jspecify.annotations.NullMarked;
