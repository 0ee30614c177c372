@NullMarked
package io.cellardoor.cluster.internal;

import org.jspecify.annotations.NullMarked;
