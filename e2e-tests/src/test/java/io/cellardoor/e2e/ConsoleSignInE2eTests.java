package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.e2e.pages.ConsolePage;
import io.cellardoor.e2e.pages.KeycloakLoginPage;
import io.cellardoor.e2e.support.ConsoleE2eTestSupport;
import io.cellardoor.e2e.support.Keycloak;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Journey 8: the console is behind Keycloak's sign-in. */
@Order(8)
@DisplayName("Journey 8: console sign-in")
class ConsoleSignInE2eTests extends ConsoleE2eTestSupport {

    @Test
    @DisplayName("8a. An unauthenticated visit to /admin lands on Keycloak's sign-in page of realm cellardoor")
    void unauthenticatedVisitToAdminLandsOnKeycloakLogin() {
        page.navigate(app.baseUrl() + "/admin");

        KeycloakLoginPage login = new KeycloakLoginPage(page).awaitShown();
        URI at = URI.create(page.url());
        URI issuer = URI.create(Keycloak.issuer());
        assertThat(at.getPort())
                .as("the Keycloak port")
                .isEqualTo(issuer.getPort())
                .isNotEqualTo(app.port());
        assertThat(at.getPath()).isEqualTo("/realms/cellardoor/protocol/openid-connect/auth");
        assertThat(at.getQuery()).contains("client_id=cellardoor-console", "response_type=code", "code_challenge=");
        assertThat(login.username()).isVisible();
        assertThat(login.password()).isVisible();
        assertThat(page.locator("#signed-in-user")).hasCount(0);
        screenshot("08a-admin-goes-to-keycloak");
    }

    @Test
    @DisplayName(
            "8b. A wrong password stays on Keycloak's page; after signing in and out, /admin asks for sign-in again")
    void wrongPasswordIsRefusedAndSignOutEndsTheSession() {
        page.navigate(app.baseUrl() + "/admin");
        KeycloakLoginPage login = new KeycloakLoginPage(page).awaitShown();
        login.signIn("editor", "not-the-password");
        assertThat(login.error()).containsText("Invalid username or password");
        assertThat(login.form()).isVisible();
        assertThat(page.locator("#signed-in-user")).hasCount(0);

        login.signIn("editor", ConsolePage.DEMO_PASSWORD);
        ConsolePage console = new ConsolePage(page, app.baseUrl()).awaitShown();
        assertThat(console.signedInUser()).containsText("editor · demo · editor");

        console.signOut();
        page.navigate(app.baseUrl() + "/admin");
        new KeycloakLoginPage(page).awaitShown();
        screenshot("08b-signed-out-asks-again");
    }
}
