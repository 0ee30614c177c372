/** The audit log: every change staff make, who made it, when, and the state before and after. */
@NullMarked
package io.cellardoor.audit;

import org.jspecify.annotations.NullMarked;
