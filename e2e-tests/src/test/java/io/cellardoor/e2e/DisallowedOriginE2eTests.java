package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import io.cellardoor.e2e.pages.ChatWidget;
import io.cellardoor.e2e.support.Database;
import io.cellardoor.e2e.support.E2eConfig;
import io.cellardoor.e2e.support.E2eTestSupport;
import io.cellardoor.e2e.support.ForeignSite;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Journey 5: a page on an origin the site does not allow gets no answers. */
@Order(5)
@DisplayName("Journey 5: disallowed origin")
class DisallowedOriginE2eTests extends E2eTestSupport {

    static final String ORIGIN = "http://evil.test";
    static final String ORIGIN_NOT_ALLOWED = "https://cellardoor.io/problems/origin-not-allowed";

    private List<String> originalOrigins;

    @BeforeEach
    void allowOnlyAnotherOrigin() {
        originalOrigins = Database.allowedOrigins(E2eConfig.SITE_KEY);
        // A site that lists its origins, none of which is evil.test (an empty list would mean "not configured").
        Database.setAllowedOrigins(E2eConfig.SITE_KEY, List.of("http://hostile.test"));
    }

    @AfterEach
    void restoreOrigins() {
        if (originalOrigins != null) {
            Database.setAllowedOrigins(E2eConfig.SITE_KEY, originalOrigins);
        }
    }

    record Seen(String method, String url, int status) {}

    @Test
    @DisplayName(
            "5. A page on a disallowed origin is refused: 403 origin-not-allowed, the widget's error state, no answer")
    void disallowedOriginIsRefused() {
        ForeignSite.serve(context, ORIGIN, ForeignSite.plainPage("Not the vineyard", app.widgetScriptUrl()));

        List<Seen> apiResponses = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.url().startsWith(app.baseUrl() + "/api/")) {
                apiResponses.add(new Seen(r.request().method(), r.url(), r.status()));
            }
        });

        // The widget's first call (its configuration) is refused with 403 origin-not-allowed.
        Response refused = page.waitForResponse(
                r -> r.url().startsWith(app.baseUrl() + "/api/") && r.status() == 403,
                () -> page.navigate(ORIGIN + "/"));
        assertThat(refused.headerValue("content-type")).startsWith("application/problem+json");
        assertThat(refused.text()).contains(ORIGIN_NOT_ALLOWED);

        ChatWidget chat = new ChatWidget(page);
        assertThat(chat.host()).hasCount(1);
        // The widget stays out of the visitor's way (widget/README.md): no launcher to click into a chat that cannot
        // work, and a warning for the site's developer in the console.
        assertThat(chat.launcher()).isHidden();
        assertThat(console).as("browser console").anyMatch(m -> m.contains(ORIGIN) && m.contains("not allowed"));

        // A question put to the widget anyway (through the page's own CellarDoor API) is refused as well: the
        // widget ends in its error state, with the server's 403, and no answer appears.
        Response askRefused = page.waitForResponse(
                r -> r.url().startsWith(app.baseUrl() + "/api/")
                        && r.status() == 403
                        && r.request().method().equals("POST"),
                () -> page.evaluate("() => window.CellarDoor.ask('What are your hours on Saturday?')"));
        assertThat(askRefused.text()).contains(ORIGIN_NOT_ALLOWED);
        assertThat(chat.error()).hasCount(1);
        assertThat(chat.error()).hasAttribute("data-status", "403");
        assertThat(chat.error()).not().hasText("");
        assertThat(chat.botMessages()).hasCount(0);

        assertThat(apiResponses)
                .as("API responses seen by the page")
                .isNotEmpty()
                .allSatisfy(r ->
                        assertThat(r.status()).as(r.method() + " " + r.url()).isEqualTo(403));
        assertThat(apiResponses)
                .as("no answer stream was served")
                .noneMatch(r -> r.url().endsWith("/api/v1/chat/stream") && r.status() == 200);
        screenshot("05-disallowed-origin");
    }
}
