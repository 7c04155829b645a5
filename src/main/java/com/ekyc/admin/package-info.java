/**
 * eKYC admin service: administers identity verification sessions for back-office callers.
 */
package com.ekyc.admin;
