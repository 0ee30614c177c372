package io.cellardoor.e2e.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Stripe's hosted pages as the local fake serves them: Checkout ("Pay and subscribe", {@code #pay}) and the Customer
 * Portal ("Cancel subscription", {@code #cancel-subscription}). Both send the browser back to the console.
 */
public final class StripeHostedPage {

    private final Page page;

    public StripeHostedPage(Page page) {
        this.page = page;
    }

    public StripeHostedPage awaitCheckout() {
        page.waitForURL(url -> url.contains("/pay/cs_test_"));
        return this;
    }

    public StripeHostedPage awaitPortal() {
        page.waitForURL(url -> url.contains("/portal/bps_"));
        return this;
    }

    /** What the checkout sells (the prices). */
    public Locator prices() {
        return page.locator("#prices");
    }

    /** Pays: the fake makes the subscription, delivers the signed webhooks to the app and sends the browser back. */
    public void pay() {
        page.locator("#pay").click();
        page.waitForURL(url -> url.contains("/admin/billing"));
    }

    /** Cancels the subscription in the portal and returns to the console. */
    public void cancelSubscription() {
        page.locator("#cancel-subscription").click();
        page.waitForURL(url -> url.contains("/admin/billing"));
    }
}
