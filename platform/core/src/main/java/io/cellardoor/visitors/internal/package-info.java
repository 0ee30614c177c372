/** The SQL of the privacy feature: a visitor's rows, and the retention purge's deletes. */
@NullMarked
package io.cellardoor.visitors.internal;

import org.jspecify.annotations.NullMarked;
