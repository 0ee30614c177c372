@NullMarked
package io.cellardoor.widget.internal;

import org.jspecify.annotations.NullMarked;
