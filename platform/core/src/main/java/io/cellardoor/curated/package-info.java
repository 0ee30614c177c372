/**
 * Curated answers: an editor approves or writes the answer to a question; later questions close enough to it get that
 * answer with its citation (generator {@code curated}), ahead of the semantic cache, and each hit is counted.
 */
@NullMarked
package io.cellardoor.curated;

import org.jspecify.annotations.NullMarked;
