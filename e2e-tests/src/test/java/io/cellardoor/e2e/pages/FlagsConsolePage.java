package io.cellardoor.e2e.pages;

import com.microsoft.playwright.Locator;

/**
 * The console's Flags view ({@code /admin/flags}): per feature its state for the org's visitors
 * ({@code #flag-state-<id>}, {@code data-active}) and the org's switch ({@code #flag-<id>}: Follow plan, On, Off).
 */
public final class FlagsConsolePage {

    private final ConsolePage console;

    public FlagsConsolePage(ConsolePage console) {
        this.console = console;
    }

    public FlagsConsolePage open() {
        console.navigate("Flags", "flags");
        return this;
    }

    public Locator state(String feature) {
        return console.page().locator("#flag-state-" + feature);
    }

    /** Chooses "Follow plan", "On" or "Off" in a feature's switch and waits for the server. */
    public FlagsConsolePage choose(String feature, String option) {
        console.page().locator("#flag-" + feature).click();
        console.page()
                .locator("vaadin-select-item[role='option']:visible")
                .filter(new Locator.FilterOptions().setHasText(option))
                .first()
                .click();
        console.awaitIdle();
        return this;
    }
}
