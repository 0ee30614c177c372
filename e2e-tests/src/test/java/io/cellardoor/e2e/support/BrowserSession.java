package io.cellardoor.e2e.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.util.HashMap;
import java.util.Map;

/**
 * One Playwright driver and one headless Chromium per JVM: Debian's {@code /usr/bin/chromium} (or CHROMIUM_PATH),
 * never a downloaded browser. Each test opens its own {@link com.microsoft.playwright.BrowserContext} on it.
 */
public final class BrowserSession implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static BrowserSession launch() {
        var chromium = E2eConfig.chromium();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(chromium)
                            .setHeadless(true)
                            .setArgs(E2eConfig.CHROMIUM_ARGS)
                            .setTimeout(60_000));
            System.out.println("[e2e] Chromium " + browser.version() + " from " + chromium);
            return new BrowserSession(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw new IllegalStateException(
                    "Playwright could not launch Chromium at " + chromium + ": " + e.getMessage(), e);
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
