/**
 * The wine domain plugin: classifies wine questions, resolves partial wine names to the wine pages
 * and answers price questions from those pages.
 */
@NullMarked
package io.cellardoor.plugins.wine;

import org.jspecify.annotations.NullMarked;
