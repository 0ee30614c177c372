package io.cellardoor.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The console's inbox ({@code /admin/inbox}): questions visitors left for the team, in a grid ({@code #handoffs}). */
public final class InboxConsolePage {

    private final ConsolePage console;
    private final Page page;

    public InboxConsolePage(ConsolePage console) {
        this.console = console;
        this.page = console.page();
    }

    /** Goes to the inbox through the side navigation and waits for its grid. */
    public InboxConsolePage openFromNavigation() {
        console.navigate("Inbox", "inbox");
        assertThat(grid()).isVisible();
        console.awaitIdle();
        return this;
    }

    public Locator grid() {
        return page.locator("#handoffs");
    }

    /** The number of requests the grid holds (its {@code size}, rendered or not). */
    public int requestCount() {
        return ((Number) grid().evaluate("grid => grid.size")).intValue();
    }

    /** The grid's shown cell whose whole text is this, e.g. a question. */
    public Locator cell(String text) {
        return grid().locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true))
                .getByText(text, new Locator.GetByTextOptions().setExact(true));
    }

    /** The "Resolve" buttons (editors and above only). */
    public Locator resolveButtons() {
        return grid().locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Resolve"));
    }
}
