package io.cellardoor.e2e.support;

import io.cellardoor.e2e.pages.ConsolePage;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the console journeys: staff sign in through the running Keycloak (each test in a fresh browser context, so
 * signed out), which must answer before a journey starts.
 */
public abstract class ConsoleE2eTestSupport extends E2eTestSupport {

    @BeforeEach
    final void requireKeycloak() {
        Keycloak.requireRunning();
    }

    /** Signs in to the console as a demo user of the local realm (password {@code demo}). */
    protected ConsolePage signIn(String username) {
        return ConsolePage.signIn(page, app.baseUrl(), username);
    }
}
