@NullMarked
package io.cellardoor.tenant;

import org.jspecify.annotations.NullMarked;
