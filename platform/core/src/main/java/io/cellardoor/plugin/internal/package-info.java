/**
 * SQL of the plugins' per-org state (every statement filtered by the org it is given) and of the plugin jars shared
 * by every instance.
 */
@NullMarked
package io.cellardoor.plugin.internal;

import org.jspecify.annotations.NullMarked;
