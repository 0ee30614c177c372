package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The console's system view: refused below ORG_ADMIN; an org admin sees the cache and its clear action; a platform
 * admin sees the same view (with breaker resets when providers are configured).
 */
class ConsoleSystemViewIntegrationTests extends ConsoleRouteSupport {

    @Test
    void theSystemViewIsForOrgAdminsAndUp() throws Exception {
        assertThat(navigate(signIn("editor"), "system"))
                .contains("The system view is for org admins.")
                .doesNotContain("cache-clear");
        assertThat(navigate(signIn("org-admin"), "system"))
                .contains("\"cache-clear\"", "\"cache-size\"", "\"ingest-jobs\"", "cached answers can be served")
                .doesNotContain("Could not navigate");
        assertThat(navigate(signIn("platform-admin"), "system"))
                .contains("\"cache-clear\"", "No LLM provider configured")
                .doesNotContain("Could not navigate");
    }
}
