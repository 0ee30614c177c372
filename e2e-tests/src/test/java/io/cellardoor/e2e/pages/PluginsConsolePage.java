package io.cellardoor.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The console's Plugins view ({@code /admin/plugins}): the loaded plugins in a grid ({@code #plugins}), and for platform
 * admins a Remove button per row ({@code #remove-<pluginId>}) that asks for confirmation
 * ({@code #confirm-remove-plugin}).
 */
public final class PluginsConsolePage {

    private final ConsolePage console;
    private final Page page;

    public PluginsConsolePage(ConsolePage console) {
        this.console = console;
        this.page = console.page();
    }

    /** Goes to the Plugins view through the side navigation and waits for its grid. */
    public PluginsConsolePage openFromNavigation() {
        console.navigate("Plugins", "plugins");
        assertThat(grid()).isVisible();
        console.awaitIdle();
        return this;
    }

    public Locator grid() {
        return page.locator("#plugins");
    }

    /** The Remove button of a plugin's shown row (the grid keeps spare rows' buttons hidden). */
    public Locator removeButton(String pluginId) {
        return page.locator("#remove-" + pluginId).filter(new Locator.FilterOptions().setVisible(true));
    }

    /** The confirmation dialog's host element (its text and buttons are slotted into it). */
    public Locator confirmation() {
        return page.locator("#confirm-remove-plugin");
    }

    /** Presses the confirmation dialog's confirm ("Remove") or cancel button and waits for the server. */
    public void answerConfirmation(boolean remove) {
        confirmation()
                .locator("vaadin-button[slot='" + (remove ? "confirm-button" : "cancel-button") + "']")
                .click();
        console.awaitIdle();
    }
}
