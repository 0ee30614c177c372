@NullMarked
package io.cellardoor.retrieval;

import org.jspecify.annotations.NullMarked;
