/** The org overrides' SQL, run as the org. */
@NullMarked
package io.cellardoor.features.internal;

import org.jspecify.annotations.NullMarked;
