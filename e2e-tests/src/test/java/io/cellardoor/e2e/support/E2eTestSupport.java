package io.cellardoor.e2e.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the journeys: the app and the browser (one per JVM, see {@link CellarDoorExtension}), and per test a fresh
 * browser context (its own cookies and localStorage, so a new visitor) with one page.
 */
@ExtendWith(CellarDoorExtension.class)
@Timeout(value = 180)
public abstract class E2eTestSupport {

    protected CellarDoorApp app;
    protected BrowserContext context;
    protected Page page;
    /** The page's console messages and uncaught errors, printed when a test fails. */
    protected final List<String> console = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    final void openBrowserContext(BrowserSession browser, CellarDoorApp app) {
        this.app = app;
        this.context = browser.browser().newContext(contextOptions().setBaseURL(app.baseUrl()));
        this.context.setDefaultTimeout(15_000);
        this.page = context.newPage();
        page.onConsoleMessage(m -> console.add("console." + m.type() + ": " + m.text()));
        page.onPageError(e -> console.add("pageerror: " + e));
    }

    @AfterEach
    final void closeBrowserContext() {
        if (context != null) {
            context.close();
        }
    }

    /** Options of each test's browser context; the default is a 1280x800 desktop window. */
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US");
    }

    /** Saves the page as {@code target/screenshots/<name>.png}, the run's artifact of a journey's end state. */
    protected Path screenshot(String name) {
        Path file = E2eConfig.screenshotsDir().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
        System.out.println("[e2e] screenshot " + file);
        return file;
    }

    void screenshotOnFailure(String name) {
        if (!console.isEmpty()) {
            System.out.println("[e2e] browser console of " + name + ":\n  " + String.join("\n  ", console));
        }
        try {
            if (page != null && !page.isClosed()) {
                screenshot("FAILED-" + name);
            }
        } catch (RuntimeException e) {
            System.out.println("[e2e] no failure screenshot of " + name + ": " + e.getMessage());
        }
    }
}
