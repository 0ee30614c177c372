package io.cellardoor.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.cellardoor.e2e.support.Keycloak;
import java.util.regex.Pattern;

/**
 * Keycloak's sign-in page of realm {@code cellardoor} (the authorization endpoint's login form), found by the form's
 * stable ids: {@code kc-form-login}, {@code username}, {@code password}, {@code kc-login}.
 */
public final class KeycloakLoginPage {

    private final Page page;

    public KeycloakLoginPage(Page page) {
        this.page = page;
    }

    /** Any page of the realm: the sign-in form is at the authorization endpoint, after a failed try at login-actions. */
    public static Pattern realmUrl() {
        return Pattern.compile("^" + Pattern.quote(Keycloak.issuer() + "/") + ".*");
    }

    /** Waits until the browser shows the realm's sign-in form. */
    public KeycloakLoginPage awaitShown() {
        page.waitForURL(realmUrl());
        assertThat(form()).isVisible();
        return this;
    }

    /**
     * The message under the fields after a failed sign-in ("Invalid username or password."): {@code #input-error-username}
     * in Keycloak's current login theme, {@code #input-error} in the older one.
     */
    public Locator error() {
        return page.locator("#input-error-username, #input-error").first();
    }

    public Locator form() {
        return page.locator("#kc-form-login");
    }

    public Locator username() {
        return page.locator("#username");
    }

    public Locator password() {
        return page.locator("#password");
    }

    public Locator submit() {
        return page.locator("#kc-login");
    }

    /** Types the user's name and password and submits the form; does not wait for where it leads. */
    public void signIn(String user, String secret) {
        username().fill(user);
        password().fill(secret);
        submit().click();
    }
}
