/** The LLM ledger's and budgets' SQL, run as the org. */
@NullMarked
package io.cellardoor.budget.internal;

import org.jspecify.annotations.NullMarked;
