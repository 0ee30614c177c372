@NullMarked
package io.cellardoor.cache;

import org.jspecify.annotations.NullMarked;
