@NullMarked
package io.cellardoor.admin.insights.ui;

import org.jspecify.annotations.NullMarked;
