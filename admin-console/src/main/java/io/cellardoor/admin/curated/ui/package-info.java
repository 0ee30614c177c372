@NullMarked
package io.cellardoor.admin.curated.ui;

import org.jspecify.annotations.NullMarked;
