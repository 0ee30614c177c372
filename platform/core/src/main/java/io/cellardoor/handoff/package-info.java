@NullMarked
package io.cellardoor.handoff;

import org.jspecify.annotations.NullMarked;
