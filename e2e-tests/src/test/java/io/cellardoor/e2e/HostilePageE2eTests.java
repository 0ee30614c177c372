package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import io.cellardoor.e2e.pages.ChatWidget;
import io.cellardoor.e2e.support.Database;
import io.cellardoor.e2e.support.E2eConfig;
import io.cellardoor.e2e.support.E2eTestSupport;
import io.cellardoor.e2e.support.ForeignSite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Journey 4: the widget on a page whose CSS is hostile to embedded widgets still works. */
@Order(4)
@DisplayName("Journey 4: hostile page CSS")
class HostilePageE2eTests extends E2eTestSupport {

    static final String ORIGIN = "http://hostile.test";

    private List<String> originalOrigins;

    @BeforeEach
    void allowHostileOrigin() {
        originalOrigins = Database.allowedOrigins(E2eConfig.SITE_KEY);
        List<String> origins = new ArrayList<>(originalOrigins);
        if (!origins.contains(ORIGIN)) {
            origins.add(ORIGIN);
        }
        Database.setAllowedOrigins(E2eConfig.SITE_KEY, origins);
    }

    @AfterEach
    void restoreOrigins() {
        if (originalOrigins != null) {
            Database.setAllowedOrigins(E2eConfig.SITE_KEY, originalOrigins);
        }
    }

    /**
     * Resets every property of every element with {@code !important}, full-page overlays at the highest z-index
     * that take pointer events (one before the widget's script, one added after the page has loaded, as consent
     * banners are), and inherited text properties a widget must not pick up.
     */
    static String hostilePage(String scriptUrl) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Hostile vineyard</title>
                <style>
                  * { all: unset !important; }
                  head, style, script, title, meta { display: none !important; }
                  html, body { display: block !important; width: 100%% !important; height: 100%% !important; }
                  div, p, h1 { display: block !important; }
                  body, div, span, button { font: 40px/3 "Comic Sans MS", cursive !important; color: #0f0 !important;
                     letter-spacing: 0.5em !important; text-transform: uppercase !important; visibility: visible !important; }
                  .overlay { display: block !important; position: fixed !important; inset: 0 !important;
                     z-index: 2147483647 !important; pointer-events: auto !important;
                     background: rgba(120, 0, 0, 0.35) !important; }
                </style>
                </head>
                <body>
                  <h1>Hostile vineyard</h1>
                  <p>Every widget-hostile rule we could think of.</p>
                  <div class="overlay" id="overlay-1"></div>
                  %s
                  <script>
                    window.addEventListener('load', () => setTimeout(() => {
                      const late = document.createElement('div');
                      late.className = 'overlay';
                      late.id = 'overlay-2';
                      document.body.appendChild(late);
                    }, 200));
                  </script>
                </body>
                </html>""".formatted(ForeignSite.embed(scriptUrl));
    }

    @Test
    @DisplayName("4. On a page with hostile CSS and full-page overlays the launcher and panel work")
    void widgetSurvivesHostileCss() {
        ForeignSite.serve(context, ORIGIN, hostilePage(app.widgetScriptUrl()));
        page.navigate(ORIGIN + "/");
        ChatWidget chat = new ChatWidget(page);
        chat.awaitLauncher();
        page.locator("#overlay-2")
                .waitFor(new Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));

        // The launcher is visible and is what a click at its centre reaches (Playwright's click checks that the
        // element receives the pointer event rather than an overlay).
        assertThat(chat.launcher()).isVisible();
        BoundingBox box = chat.launcher().boundingBox();
        assertThat(box.width).as("launcher width").isGreaterThan(30);
        assertThat(box.height).as("launcher height").isGreaterThan(30);
        assertThat(topmostAt(box.x + box.width / 2, box.y + box.height / 2))
                .as("element on top at the launcher's centre")
                .isEqualTo("launcher");
        chat.launcher().click(new Locator.ClickOptions().setTimeout(5_000));
        chat.awaitPanelOpen();

        // The panel opens on top of the overlays, and a question typed into it gets an answer.
        BoundingBox panel = chat.panelBox();
        assertThat(panel.width).as("panel width").isGreaterThan(250);
        assertThat(panel.height).as("panel height").isGreaterThan(300);
        assertThat(topmostAt(panel.x + panel.width / 2, panel.y + panel.height / 2))
                .as("element on top at the panel's centre")
                .doesNotStartWith("page");
        chat.ask("Are dogs allowed?");
        String answer = chat.awaitAnswer();
        assertThat(answer).isNotBlank();
        assertThat(chat.lastBotMessage()).not().hasAttribute("data-answered", "false");
        screenshot("04-hostile-page");

        // The page's inherited text styles do not reach into the widget: its text reads as the widget styles it.
        Locator text = ChatWidget.textOf(chat.lastBotMessage());
        assertThat(text.evaluate("e => getComputedStyle(e).textTransform"))
                .as("text-transform of the answer")
                .isEqualTo("none");
        assertThat(text.evaluate("e => getComputedStyle(e).letterSpacing"))
                .as("letter-spacing of the answer")
                .isEqualTo("normal");
        assertThat(text.evaluate("e => getComputedStyle(e).fontSize"))
                .as("font-size of the answer")
                .isNotEqualTo("40px");
    }

    /**
     * What a pointer at (x, y) reaches: the widget's {@code data-testid} of the deepest element with one when the
     * hit is inside the widget's shadow root ("widget" when none), else "page" and the page's element.
     */
    private String topmostAt(double x, double y) {
        return (String) page.evaluate("""
                ([x, y, host]) => {
                  const outer = document.elementFromPoint(x, y);
                  const h = document.querySelector(host);
                  if (!outer) return 'page';
                  if (outer !== h) return 'page ' + outer.tagName.toLowerCase() + (outer.id ? '#' + outer.id : '');
                  let el = h.shadowRoot.elementFromPoint(x, y);
                  while (el && !el.dataset?.testid) el = el.parentElement;
                  return el ? el.dataset.testid : 'widget';
                }""", List.of(x, y, ChatWidget.HOST));
    }
}
