package io.cellardoor.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;

/** The demo vineyard's page, {@code /demo}, with the chat widget embedded for {@code demo-site-key}. */
public final class DemoPage {

    private final Page page;
    private final ChatWidget widget;

    public DemoPage(Page page) {
        this.page = page;
        this.widget = new ChatWidget(page);
    }

    /** Opens {@code /demo} (relative to the context's base URL) and waits for the widget's launcher. */
    public DemoPage open() {
        page.navigate("/demo", new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("Hollow Creek Vineyard"));
        widget.awaitLauncher();
        return this;
    }

    /** Reloads the page, as a visitor pressing F5, and waits for the widget again. */
    public DemoPage reload() {
        page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.LOAD));
        widget.awaitLauncher();
        return this;
    }

    public ChatWidget widget() {
        return widget;
    }
}
