@NullMarked
package io.cellardoor.knowledge;

import org.jspecify.annotations.NullMarked;
