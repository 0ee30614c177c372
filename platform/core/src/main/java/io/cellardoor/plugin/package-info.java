@NullMarked
package io.cellardoor.plugin;

import org.jspecify.annotations.NullMarked;
