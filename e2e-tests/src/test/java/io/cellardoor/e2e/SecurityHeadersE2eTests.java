package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import io.cellardoor.e2e.pages.ChatWidget;
import io.cellardoor.e2e.pages.ConsolePage;
import io.cellardoor.e2e.pages.DemoPage;
import io.cellardoor.e2e.support.ConsoleE2eTestSupport;
import io.cellardoor.e2e.support.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Journey 12: the pages work under their Content-Security-Policy in real Chromium (no violation reported on the
 * browser console), the demo page loads the widget with Subresource Integrity, and the console's sign-in and
 * sign-out land in the audit log.
 */
@Order(12)
@DisplayName("Journey 12: security headers and sign-in audit")
class SecurityHeadersE2eTests extends ConsoleE2eTestSupport {

    private List<String> violations() {
        synchronized (console) {
            return console.stream()
                    .filter(m -> m.contains("Content Security Policy")
                            || m.contains("Content-Security-Policy")
                            || m.contains("integrity"))
                    .toList();
        }
    }

    @Test
    @DisplayName("12a. The demo page and the widget answer under the page's CSP, the script checked by its integrity")
    void demoPageAndWidgetWorkUnderTheirPolicy() {
        Response response = page.navigate(app.baseUrl() + "/demo");
        assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'");
        assertThat(response.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.headers()).doesNotContainKey("strict-transport-security"); // plain http here
        assertThat(page.locator("script[data-site-key]").getAttribute("integrity"))
                .startsWith("sha384-");

        DemoPage demo = new DemoPage(page);
        ChatWidget chat = demo.widget().open();
        chat.ask("Are you open on Monday?");
        assertThat(chat.awaitAnswer()).isNotBlank();
        assertThat(violations()).as("CSP or SRI reports on the demo page").isEmpty();
        screenshot("12a-demo-under-csp");
    }

    @Test
    @DisplayName(
            "12b. The console and its widget preview run under the console's CSP; sign-in and sign-out are audited")
    void consoleRunsUnderItsPolicyAndSignInsAreAudited() throws SQLException {
        long before = auditCount("org-admin", "auth.sign-");
        ConsolePage console = ConsolePage.signIn(page, app.baseUrl(), "org-admin");
        Response sites = page.navigate(app.baseUrl() + "/admin/sites");
        assertThat(sites.headers().get("content-security-policy")).contains("frame-ancestors 'self'");
        page.waitForTimeout(1500); // the preview frame loads the widget
        assertThat(violations()).as("CSP reports in the console").isEmpty();
        screenshot("12b-console-under-csp");
        console = new ConsolePage(page, app.baseUrl()).awaitShown();
        console.signOut();
        assertThat(page.locator("#signed-in-user")).hasCount(0);

        List<String> audited = audit("org-admin", "auth.sign-");
        assertThat(audited.size() - before).isGreaterThanOrEqualTo(2);
        assertThat(audited)
                .anySatisfy(a -> assertThat(a).startsWith("auth.sign-in").contains("\"ip\""));
        assertThat(audited).anySatisfy(a -> assertThat(a).startsWith("auth.sign-out"));
    }

    private static long auditCount(String actor, String prefix) throws SQLException {
        return audit(actor, prefix).size();
    }

    private static List<String> audit(String actor, String prefix) throws SQLException {
        try (Connection db = Database.connect();
                PreparedStatement q = db.prepareStatement(
                        "SELECT action || ' ' || coalesce(after, '') FROM audit_event WHERE actor = ? AND action LIKE ?"
                                + " ORDER BY id")) {
            q.setString(1, actor);
            q.setString(2, prefix + "%");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }
}
