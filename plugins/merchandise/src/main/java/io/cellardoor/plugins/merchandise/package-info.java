/**
 * The shop and menu domain plugin: merchandise and food-menu items; resolves product names to their pages
 * and answers a pure price question directly.
 */
@NullMarked
package io.cellardoor.plugins.merchandise;

import org.jspecify.annotations.NullMarked;
