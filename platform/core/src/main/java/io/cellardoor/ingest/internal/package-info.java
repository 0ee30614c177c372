/** The ingest job table's SQL. */
@NullMarked
package io.cellardoor.ingest.internal;

import org.jspecify.annotations.NullMarked;
