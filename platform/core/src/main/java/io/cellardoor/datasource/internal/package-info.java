@NullMarked
package io.cellardoor.datasource.internal;

import org.jspecify.annotations.NullMarked;
