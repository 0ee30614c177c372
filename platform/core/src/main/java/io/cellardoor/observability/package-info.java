/**
 * What an operator sees: the {@code rag_*} metrics ({@link io.cellardoor.observability.RagMetrics}), request ids in
 * logs and problem bodies, the slow-turn log line, health per dependency.
 */
@NullMarked
package io.cellardoor.observability;

import org.jspecify.annotations.NullMarked;
