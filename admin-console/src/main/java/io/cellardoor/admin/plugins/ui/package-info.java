/** The loaded domain plugins: health, per-org enabled state and settings, jar upload. */
@NullMarked
package io.cellardoor.admin.plugins.ui;

import org.jspecify.annotations.NullMarked;
