package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.e2e.pages.BillingConsolePage;
import io.cellardoor.e2e.pages.BudgetsConsolePage;
import io.cellardoor.e2e.pages.ChatWidget;
import io.cellardoor.e2e.pages.ConsolePage;
import io.cellardoor.e2e.pages.DemoPage;
import io.cellardoor.e2e.pages.FlagsConsolePage;
import io.cellardoor.e2e.pages.StripeHostedPage;
import io.cellardoor.e2e.support.CellarDoorApp;
import io.cellardoor.e2e.support.ConsoleE2eTestSupport;
import io.cellardoor.e2e.support.Database;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Journey 13: an org admin's billing, as a new user would try it. {@code org-admin} signs in, sees the Free plan and
 * this month's usage, upgrades to Pro through Stripe Checkout (the local fake's hosted page), comes back to the console
 * and sees Pro once the signed webhook arrived, sets an LLM budget, switches the feedback feature off and sees the
 * widget answer without thumbs. Puts everything back afterwards: feedback follows the plan again, the budget is the
 * default again, and the subscription is cancelled through the Customer Portal (back to Free).
 */
@Order(13)
@DisplayName("Journey 13: an org admin's plan, usage, upgrade, budget and flags")
class OrgAdminBillingE2eTests extends ConsoleE2eTestSupport {

    @Test
    @DisplayName(
            "13. Plan and usage, upgrade through Checkout, the new plan after the webhook, a budget, a flag in the widget")
    void orgAdminUpgradesSetsABudgetAndTogglesAFlag() {
        // The demo org starts on the default plan, with no subscription left by an interrupted earlier run.
        Database.update("DELETE FROM org_billing WHERE org_id = (SELECT id FROM org WHERE slug = 'demo')");
        Database.update("DELETE FROM feature_override WHERE org_id = (SELECT id FROM org WHERE slug = 'demo')");
        // A visitor's answered question first: usage this month is at least one message.
        DemoPage demo = new DemoPage(page).open();
        ChatWidget chat = demo.widget().open();
        chat.ask(ChatJourneyE2eTests.HOURS_QUESTION);
        chat.awaitAnswer();
        assertThat(chat.lastBotMessage().getByTestId("feedback")).isVisible();

        ConsolePage console = signIn("org-admin");
        boolean passed = false;
        try {
            BillingConsolePage billing = new BillingConsolePage(console).open();
            assertThat(billing.currentPlan()).hasText("Free");
            assertThat(billing.messages()).containsText("of 1000 messages this month");
            assertThat(billing.chart()).isVisible();
            assertThat(billing.stripeOff()).hasCount(0); // Stripe is configured (the fake)
            screenshot("13-billing-free");

            StripeHostedPage checkout = billing.upgradeTo("pro");
            assertThat(checkout.prices()).hasText(CellarDoorApp.PRO_PRICE);
            screenshot("13-stripe-checkout");
            checkout.pay();
            console.awaitShown();
            billing.reload();
            assertThat(billing.currentPlan()).hasText("Pro");
            assertThat(billing.subscriptionStatus()).containsText("Subscription active, renews");
            assertThat(billing.messages()).containsText("of 20000 messages this month");
            assertThat(billing.invoices()).containsText("paid");
            assertThat(Database.queryString(
                            "SELECT subscription_status FROM org_billing b JOIN org o ON o.id = b.org_id"
                                    + " WHERE o.slug = 'demo'"))
                    .isEqualTo("active");
            screenshot("13-billing-pro");

            BudgetsConsolePage budgets = new BudgetsConsolePage(console).open();
            assertThat(budgets.chart()).isVisible();
            budgets.set("35.50", 70);
            assertThat(budgets.spent()).containsText("of 35.50 USD spent this month");
            assertThat(Database.queryString(
                            "SELECT monthly_usd || '/' || soft_percent FROM llm_budget b JOIN org o ON o.id = b.org_id"
                                    + " WHERE o.slug = 'demo'"))
                    .isEqualTo("35.50/70");
            screenshot("13-budget-set");

            FlagsConsolePage flags = new FlagsConsolePage(console).open();
            assertThat(flags.state("feedback")).hasAttribute("data-active", "true");
            flags.choose("feedback", "Off");
            assertThat(flags.state("feedback")).hasAttribute("data-active", "false");
            screenshot("13-flag-feedback-off");

            // The widget: answers still come, without thumbs.
            DemoPage again = new DemoPage(page).open();
            ChatWidget widget = again.widget().open();
            widget.newConversationButton().click();
            widget.ask(ChatJourneyE2eTests.HOURS_QUESTION);
            widget.awaitAnswer();
            assertThat(widget.lastBotMessage())
                    .hasAttribute("data-message-id", java.util.regex.Pattern.compile("\\d+"));
            assertThat(widget.lastBotMessage().getByTestId("feedback")).hasCount(0);
            screenshot("13-widget-without-feedback");
            passed = true;
        } finally {
            try {
                restore(console);
            } catch (RuntimeException | AssertionError e) {
                if (passed) {
                    throw e;
                }
                System.out.println("[e2e] journey 13: putting things back failed too: " + e);
                Database.update("DELETE FROM org_billing WHERE org_id = (SELECT id FROM org WHERE slug = 'demo')");
                Database.update("DELETE FROM feature_override WHERE org_id = (SELECT id FROM org WHERE slug = 'demo')");
            }
        }
    }

    /** Feedback follows the plan again, the default budget, and the subscription cancelled in the portal. */
    private void restore(ConsolePage console) {
        console.open("flags");
        new FlagsConsolePage(console).choose("feedback", "Follow plan");
        Database.update("DELETE FROM llm_budget WHERE org_id = (SELECT id FROM org WHERE slug = 'demo')");
        if ("active"
                .equals(Database.queryString("SELECT subscription_status FROM org_billing b JOIN org o"
                        + " ON o.id = b.org_id WHERE o.slug = 'demo'"))) {
            BillingConsolePage billing = new BillingConsolePage(console).reload();
            billing.manage().cancelSubscription();
            console.awaitShown();
            billing.reload();
            assertThat(billing.currentPlan()).hasText("Free");
        }
    }
}
