/** The console's billing view. */
@NullMarked
package io.cellardoor.admin.billing.ui;

import org.jspecify.annotations.NullMarked;
