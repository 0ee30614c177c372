/**
 * Plans, quotas and Stripe: the plans come from configuration ({@code cellardoor.billing.plans.<id>}), each org is on
 * one ({@link BillingAccounts}), its messages are counted per calendar month ({@link Quotas}), and with a Stripe key the
 * org admin upgrades through Checkout, manages payment in the Customer Portal, sees invoices, and usage is reported as
 * Billing meter events from an outbox ({@link MeterReporter}). See docs/billing.md.
 */
@NullMarked
package io.cellardoor.billing;

import org.jspecify.annotations.NullMarked;
