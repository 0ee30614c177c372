/** SQL of the plugins' per-org state; every statement is filtered by the org it is given. */
@NullMarked
package io.cellardoor.plugin.internal;

import org.jspecify.annotations.NullMarked;
