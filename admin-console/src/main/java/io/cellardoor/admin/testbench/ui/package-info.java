@NullMarked
package io.cellardoor.admin.testbench.ui;

import org.jspecify.annotations.NullMarked;
