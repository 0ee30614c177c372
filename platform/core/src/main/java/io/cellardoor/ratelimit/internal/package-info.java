@NullMarked
package io.cellardoor.ratelimit.internal;

import org.jspecify.annotations.NullMarked;
