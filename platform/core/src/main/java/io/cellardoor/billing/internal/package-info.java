/** The billing tables' SQL, run as the org ({@code TenantTransactions}). */
@NullMarked
package io.cellardoor.billing.internal;

import org.jspecify.annotations.NullMarked;
