/** The console's read side of visitors' conversations: a filtered, paged list and transcripts. */
@NullMarked
package io.cellardoor.conversations;

import org.jspecify.annotations.NullMarked;
