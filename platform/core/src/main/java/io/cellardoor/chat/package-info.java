@NullMarked
package io.cellardoor.chat;

import org.jspecify.annotations.NullMarked;
