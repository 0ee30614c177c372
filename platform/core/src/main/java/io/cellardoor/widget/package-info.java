@NullMarked
package io.cellardoor.widget;

import org.jspecify.annotations.NullMarked;
