package io.cellardoor.e2e.pages;

import com.microsoft.playwright.Locator;

/**
 * The console's Billing view ({@code /admin/billing}): the current plan ({@code #current-plan}), subscription status,
 * usage ({@code #usage-messages}, {@code #usage-llm}), the usage chart, the plans with their upgrade buttons
 * ({@code #upgrade-<plan>}), the Customer Portal button ({@code #manage-billing}) and the invoices grid.
 */
public final class BillingConsolePage {

    private final ConsolePage console;

    public BillingConsolePage(ConsolePage console) {
        this.console = console;
    }

    /** Opens the view through the side navigation. */
    public BillingConsolePage open() {
        console.navigate("Billing", "billing");
        return this;
    }

    /** Reloads the view (as after coming back from Stripe). */
    public BillingConsolePage reload() {
        console.open("billing");
        return this;
    }

    public Locator currentPlan() {
        return console.page().locator("#current-plan");
    }

    public Locator subscriptionStatus() {
        return console.page().locator("#subscription-status");
    }

    public Locator messages() {
        return console.page().locator("#usage-messages");
    }

    public Locator llm() {
        return console.page().locator("#usage-llm");
    }

    public Locator chart() {
        return console.page().locator("#usage-chart svg");
    }

    public Locator stripeOff() {
        return console.page().locator("#stripe-off");
    }

    public Locator invoices() {
        return console.page().locator("#invoices");
    }

    /** Presses "Upgrade to ..." and waits for Stripe's (the fake's) hosted Checkout page. */
    public StripeHostedPage upgradeTo(String planId) {
        console.page().locator("#upgrade-" + planId).click();
        return new StripeHostedPage(console.page()).awaitCheckout();
    }

    /** Presses "Payment method and cancellation" and waits for the Customer Portal. */
    public StripeHostedPage manage() {
        console.page().locator("#manage-billing").click();
        return new StripeHostedPage(console.page()).awaitPortal();
    }
}
