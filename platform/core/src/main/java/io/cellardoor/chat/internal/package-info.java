@NullMarked
package io.cellardoor.chat.internal;

import org.jspecify.annotations.NullMarked;
