/** The console's features view. */
@NullMarked
package io.cellardoor.admin.features.ui;

import org.jspecify.annotations.NullMarked;
