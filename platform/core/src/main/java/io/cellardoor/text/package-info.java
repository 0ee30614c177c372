@NullMarked
package io.cellardoor.text;

import org.jspecify.annotations.NullMarked;
