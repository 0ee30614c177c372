package io.cellardoor.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The admin console (Vaadin Flow under {@code /admin}): its frame with the signed-in user line ({@code #signed-in-user},
 * "user · org · roles"), the side navigation and sign out. Vaadin's web components keep their parts in open shadow
 * roots, which Playwright's CSS and text locators pierce; {@link #awaitIdle()} waits for the server round trips.
 */
public final class ConsolePage {

    /** How long the console may take to show a view after a navigation (the first load fetches Vaadin's bundle). */
    public static final double SHOWN_TIMEOUT_MS = 30_000;

    /** The password of every demo user of the local realm. */
    public static final String DEMO_PASSWORD = "demo";

    private final Page page;
    private final String baseUrl;

    public ConsolePage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    /**
     * Opens {@code /admin} in a browser context that is not signed in, signs in on Keycloak's page as a demo user and
     * waits for the console.
     */
    public static ConsolePage signIn(Page page, String baseUrl, String username) {
        page.navigate(baseUrl + "/admin");
        new KeycloakLoginPage(page).awaitShown().signIn(username, DEMO_PASSWORD);
        return new ConsolePage(page, baseUrl).awaitShown();
    }

    /** Waits until the console is shown with its signed-in user line and Vaadin has nothing in flight. */
    public ConsolePage awaitShown() {
        page.waitForURL(url -> url.startsWith(baseUrl + "/admin"));
        assertThat(signedInUser()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SHOWN_TIMEOUT_MS));
        awaitIdle();
        return this;
    }

    /** Navigates within the console, e.g. {@code knowledge} for {@code /admin/knowledge}, and waits for the view. */
    public ConsolePage open(String route) {
        page.navigate(baseUrl + "/admin/" + route);
        return awaitShown();
    }

    /** "editor · demo · editor": who is signed in, their org and roles. */
    public Locator signedInUser() {
        return page.locator("#signed-in-user");
    }

    /** The side navigation's item with this label. */
    public Locator navItem(String label) {
        return page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(label));
    }

    /** Clicks a side navigation item and waits until the view it leads to is shown. */
    public ConsolePage navigate(String label, String route) {
        navItem(label).click();
        page.waitForURL(baseUrl + "/admin/" + route);
        awaitIdle();
        return this;
    }

    /** Clicks "Sign out" and waits until the browser has left the console (the provider's session ends too). */
    public void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL(url -> !url.startsWith(baseUrl + "/admin"));
    }

    /**
     * Waits until every Vaadin client on the page is loaded and has no request to the server in flight (what Vaadin's
     * own TestBench waits for), so what the page shows is what the server last sent.
     */
    public void awaitIdle() {
        page.waitForFunction(
                """
                () => {
                  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                  if (!clients) return false;
                  const all = Object.values(clients).filter(c => typeof c.isActive === 'function');
                  return all.length > 0 && all.every(c => !c.isActive());
                }""",
                null,
                new Page.WaitForFunctionOptions().setPollingInterval(50).setTimeout(SHOWN_TIMEOUT_MS));
    }

    public Page page() {
        return page;
    }

    public String baseUrl() {
        return baseUrl;
    }
}
