package io.cellardoor.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;

/**
 * The console's knowledge view ({@code /admin/knowledge}): the org's documents in a grid ({@code #documents}) with a text
 * filter ({@code #document-filter}), and the editor of the selected one (path {@code #document-path}, markdown
 * {@code #markdown}, {@code #save}, {@code #revert}, status {@code #save-status}). Saving re-indexes the document in the
 * background; the status line says when the chat uses it.
 */
public final class KnowledgeConsolePage {

    /** How long a save with its re-index may take, from the click to "Saved and re-indexed". */
    public static final double REINDEX_TIMEOUT_MS = 60_000;

    private final ConsolePage console;
    private final Page page;

    public KnowledgeConsolePage(ConsolePage console) {
        this.console = console;
        this.page = console.page();
    }

    /** Opens {@code /admin/knowledge} and waits for the grid. */
    public KnowledgeConsolePage open() {
        console.open("knowledge");
        return awaitShown();
    }

    /** Waits until the grid is shown. */
    public KnowledgeConsolePage awaitShown() {
        assertThat(grid()).isVisible();
        console.awaitIdle();
        return this;
    }

    public Locator grid() {
        return page.locator("#documents");
    }

    /** The number of documents the grid holds after filtering (its {@code size}, rendered or not). */
    public int documentCount() {
        return ((Number) grid().evaluate("grid => grid.size")).intValue();
    }

    /**
     * The texts of the grid's shown cells (headers, paths, titles, domains, dates), in DOM order. The grid keeps cells
     * of rows it does not show (scrolled away or filtered out) with their old text; those are left out.
     */
    public List<String> renderedCellTexts() {
        return cells().allTextContents().stream().map(String::strip).toList();
    }

    /** The grid's shown cell whose whole text is this, e.g. a document's path. */
    public Locator cell(String text) {
        return cells().getByText(text, new Locator.GetByTextOptions().setExact(true));
    }

    private Locator cells() {
        return grid().locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setVisible(true));
    }

    public Locator filterField() {
        return page.locator("#document-filter input");
    }

    /**
     * Types into the filter and waits until the server has applied it (the field sends its value after a short pause;
     * the response to that request carries the filtered grid).
     */
    public KnowledgeConsolePage filter(String text) {
        console.awaitIdle();
        page.waitForResponse(
                r -> r.url().contains("v-r=uidl")
                        && r.request().postData() != null
                        && r.request().postData().contains(text),
                () -> filterField().fill(text));
        console.awaitIdle();
        return this;
    }

    /** Filters the grid to a document's path, selects its row and waits until the editor shows that document. */
    public KnowledgeConsolePage openDocument(String path) {
        filter(path);
        cell(path).click();
        assertThat(documentPath()).hasText(path);
        console.awaitIdle();
        return this;
    }

    public Locator documentPath() {
        return page.locator("#document-path");
    }

    /** The markdown editor component (carries {@code readonly} when the user may not edit). */
    public Locator markdownEditor() {
        return page.locator("#markdown");
    }

    /** The editor's native text area, inside the component. */
    public Locator markdownArea() {
        return page.locator("#markdown textarea");
    }

    public String markdown() {
        return markdownArea().inputValue();
    }

    /** Replaces the markdown and waits until the server has it: Save becomes enabled once the text differs. */
    public KnowledgeConsolePage replaceMarkdown(String text) {
        markdownArea().fill(text);
        assertThat(saveButton()).isEnabled();
        console.awaitIdle();
        return this;
    }

    /** The rendered preview of the markdown. */
    public Locator preview() {
        return page.locator("#preview");
    }

    public Locator saveButton() {
        return page.locator("#save");
    }

    public Locator revertButton() {
        return page.locator("#revert");
    }

    public Locator status() {
        return page.locator("#save-status");
    }

    /**
     * Clicks Save and waits until the background re-index has finished ("Saved and re-indexed (…); the chat uses it
     * now.").
     *
     * @return the status line
     */
    public String saveAndAwaitReindex() {
        saveButton().click();
        assertThat(status())
                .containsText(
                        "Saved and re-indexed",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(REINDEX_TIMEOUT_MS));
        console.awaitIdle();
        return status().innerText().strip();
    }
}
