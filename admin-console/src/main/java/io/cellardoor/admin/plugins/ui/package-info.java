/** Health of the loaded domain plugins. */
@NullMarked
package io.cellardoor.admin.plugins.ui;

import org.jspecify.annotations.NullMarked;
