/** The console's budget view. */
@NullMarked
package io.cellardoor.admin.budget.ui;

import org.jspecify.annotations.NullMarked;
