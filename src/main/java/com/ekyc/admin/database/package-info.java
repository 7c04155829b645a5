/**
 * PostgreSQL as every feature uses it: the time limit of each statement, and what the
 * service does while the database is unreachable. Imports nothing from the features.
 */
@NullMarked
package com.ekyc.admin.database;

import org.jspecify.annotations.NullMarked;
