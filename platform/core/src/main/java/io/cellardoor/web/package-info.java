@NullMarked
package io.cellardoor.web;

import org.jspecify.annotations.NullMarked;
