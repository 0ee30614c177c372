/**
 * The database connections: with {@code cellardoor.datasource.replica.url}, read-only transactions go to a read replica
 * while it is up and close enough behind the primary, everything else to the primary (docs/decisions/0053).
 */
@NullMarked
package io.cellardoor.datasource;

import org.jspecify.annotations.NullMarked;
