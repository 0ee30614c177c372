@NullMarked
package io.cellardoor.answer;

import org.jspecify.annotations.NullMarked;
