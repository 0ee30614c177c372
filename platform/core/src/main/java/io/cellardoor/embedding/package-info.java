@NullMarked
package io.cellardoor.embedding;

import org.jspecify.annotations.NullMarked;
