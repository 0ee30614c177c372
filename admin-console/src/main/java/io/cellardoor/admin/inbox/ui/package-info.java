/** The handoff inbox: questions visitors left for the team. */
@NullMarked
package io.cellardoor.admin.inbox.ui;

import org.jspecify.annotations.NullMarked;
