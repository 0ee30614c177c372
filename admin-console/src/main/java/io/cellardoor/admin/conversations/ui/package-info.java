@NullMarked
package io.cellardoor.admin.conversations.ui;

import org.jspecify.annotations.NullMarked;
