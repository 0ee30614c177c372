/**
 * The guard: instructions in questions and documents are data ({@link io.cellardoor.guard.QuestionGuard}).
 */
@NullMarked
package io.cellardoor.guard;

import org.jspecify.annotations.NullMarked;
