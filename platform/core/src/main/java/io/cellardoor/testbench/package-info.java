/** The console's test bench: a dry run of the chat pipeline that shows its work and stores nothing. */
@NullMarked
package io.cellardoor.testbench;

import org.jspecify.annotations.NullMarked;
