package io.cellardoor.e2e.pages;

import com.microsoft.playwright.Locator;

/**
 * The console's Budgets view ({@code /admin/budgets}): spend, projection and state ({@code #budget-spent},
 * {@code #budget-projection}, {@code #budget-state}), the chart, and the form ({@code #budget-amount},
 * {@code #budget-soft}, {@code #save-budget}).
 */
public final class BudgetsConsolePage {

    private final ConsolePage console;

    public BudgetsConsolePage(ConsolePage console) {
        this.console = console;
    }

    public BudgetsConsolePage open() {
        console.navigate("Budgets", "budgets");
        return this;
    }

    public Locator spent() {
        return console.page().locator("#budget-spent");
    }

    public Locator projection() {
        return console.page().locator("#budget-projection");
    }

    public Locator chart() {
        return console.page().locator("#budget-chart svg");
    }

    /** Types a monthly budget and soft limit and saves. */
    public BudgetsConsolePage set(String monthlyUsd, int softPercent) {
        Locator amount = console.page().locator("#budget-amount input");
        amount.fill(monthlyUsd);
        amount.press("Tab");
        Locator soft = console.page().locator("#budget-soft input");
        soft.fill(Integer.toString(softPercent));
        soft.press("Tab");
        console.awaitIdle();
        console.page().locator("#save-budget").click();
        console.awaitIdle();
        return this;
    }
}
