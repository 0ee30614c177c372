package io.cellardoor.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chat widget as a visitor sees it: a launcher button and a panel inside the widget's open shadow root
 * (Playwright's CSS locators pierce open shadow roots). Elements are found by their {@code data-testid}.
 */
public final class ChatWidget {

    /** How long an answer may take, from send to the end of the stream. */
    public static final double ANSWER_TIMEOUT_MS = 30_000;

    /** The host element the widget appends to the page's body; it carries the shadow root. */
    public static final String HOST = "[data-cellardoor-widget]";

    private final Page page;

    public ChatWidget(Page page) {
        this.page = page;
    }

    private Locator byTestId(String id) {
        return page.locator("[data-testid='" + id + "']");
    }

    public Locator host() {
        return page.locator(HOST);
    }

    public Locator launcher() {
        return byTestId("launcher");
    }

    public Locator panel() {
        return byTestId("panel");
    }

    public Locator input() {
        return byTestId("input");
    }

    public Locator sendButton() {
        return byTestId("send");
    }

    public Locator newConversationButton() {
        return byTestId("new-conversation");
    }

    /** The conversation's messages (not the greeting), oldest first. */
    public Locator messages() {
        return byTestId("messages").locator("[data-testid='message']");
    }

    public Locator userMessages() {
        return byTestId("messages").locator("[data-testid='message'][data-role='user']");
    }

    public Locator botMessages() {
        return byTestId("messages").locator("[data-testid='message'][data-role='bot']");
    }

    public Locator lastBotMessage() {
        return botMessages().last();
    }

    /** The text of a message, without the screen-reader prefix ("Assistant"). */
    public static Locator textOf(Locator message) {
        return message.locator("[data-testid='message-text']");
    }

    /** The citation links or chips under a bot message. */
    public static Locator citationsOf(Locator message) {
        return message.locator("[data-testid='citation']");
    }

    public Locator error() {
        return byTestId("error");
    }

    public Locator retryButton() {
        return byTestId("retry");
    }

    /** Waits until the launcher is visible (the widget script loaded, its configuration arrived or timed out). */
    public ChatWidget awaitLauncher() {
        assertThat(launcher())
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(15_000));
        // The launcher fades in once the configuration and theme are there; click it only when it takes clicks.
        assertThat(page.locator(HOST + " .root[data-pending]"))
                .hasCount(
                        0,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
        return this;
    }

    /** Clicks the launcher as a visitor would and waits for the panel. */
    public ChatWidget open() {
        launcher().click();
        return awaitPanelOpen();
    }

    /** Waits until the panel is shown and its opening animation, if any, has finished. */
    public ChatWidget awaitPanelOpen() {
        assertThat(panel()).isVisible();
        assertThat(launcher()).hasAttribute("aria-expanded", "true");
        page.waitForFunction("""
                host => {
                  const panel = document.querySelector(host)?.shadowRoot?.querySelector("[data-testid='panel']");
                  return !!panel && panel.getAnimations({ subtree: true }).every(a => a.playState !== 'running');
                }""", HOST);
        return this;
    }

    /** Types a question and presses the send button; does not wait for the answer. */
    public ChatWidget ask(String question) {
        botsBeforeAsk = botMessages().count();
        input().fill(question);
        sendButton().click();
        return this;
    }

    private int botsBeforeAsk;

    /**
     * Waits for the answer to the last question: a new bot message that is final (no longer {@code aria-busy}) and
     * has text. Fails at once, with the widget's error text, when the widget shows its error state instead.
     *
     * @return the answer's text
     */
    public String awaitAnswer() {
        page.waitForFunction(
                """
                ([host, before]) => {
                  const root = document.querySelector(host)?.shadowRoot;
                  if (!root) return false;
                  if (root.querySelector("[data-testid='error']")) return true;
                  const bots = root.querySelectorAll("[data-testid='messages'] [data-testid='message'][data-role='bot']");
                  const bot = bots[bots.length - 1];
                  return bots.length > before && bot.getAttribute('aria-busy') !== 'true'
                      && (bot.querySelector("[data-testid='message-text']")?.textContent || '').trim().length > 0;
                }""",
                List.of(HOST, botsBeforeAsk),
                new Page.WaitForFunctionOptions().setTimeout(ANSWER_TIMEOUT_MS).setPollingInterval(50));
        if (error().count() > 0) {
            throw new AssertionError("The widget showed its error state instead of an answer: \""
                    + error().innerText().trim() + "\" (data-status " + error().getAttribute("data-status") + ")");
        }
        return textOf(lastBotMessage()).innerText().trim();
    }

    public BoundingBox panelBox() {
        return panel().boundingBox();
    }

    /** The conversation id the widget keeps in localStorage for this site. */
    public String storedConversationId(String siteKey) {
        Object id = page.evaluate(
                "key => { const raw = localStorage.getItem('cellardoor:v1:' + key + ':conversation');"
                        + " return raw ? JSON.parse(raw).conversationId : null; }",
                siteKey);
        return id == null ? null : id.toString();
    }

    // ------------------------------------------------------------ observing a streamed answer

    /** One observation of the answer being written: whether it was marked busy and how long its text was. */
    public record StreamSample(double atMillis, boolean busy, int textLength) {}

    /**
     * Starts recording the last bot message's state on every change inside the widget's shadow root (a
     * MutationObserver), so a test can tell an answer that streamed in from one that appeared at once.
     */
    public void startRecordingAnswer() {
        page.evaluate("""
                host => {
                  const root = document.querySelector(host).shadowRoot;
                  window.__cdSamples = [];
                  const sample = () => {
                    const bots = root.querySelectorAll("[data-testid='messages'] [data-testid='message'][data-role='bot']");
                    const bot = bots[bots.length - 1];
                    if (!bot) return;
                    const text = bot.querySelector("[data-testid='message-text']");
                    window.__cdSamples.push({ at: performance.now(), busy: bot.getAttribute('aria-busy') === 'true',
                                              length: text ? text.textContent.trim().length : 0 });
                  };
                  window.__cdObserver?.disconnect();
                  window.__cdObserver = new MutationObserver(sample);
                  window.__cdObserver.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
                }""", HOST);
    }

    /** The recorded samples, in order, and stops recording. */
    public List<StreamSample> stopRecordingAnswer() {
        Object raw = page.evaluate("() => { window.__cdObserver?.disconnect(); return window.__cdSamples || []; }");
        List<StreamSample> samples = new ArrayList<>();
        for (Object o : (List<?>) raw) {
            Map<?, ?> m = (Map<?, ?>) o;
            samples.add(new StreamSample(
                    ((Number) m.get("at")).doubleValue(),
                    Boolean.TRUE.equals(m.get("busy")),
                    ((Number) m.get("length")).intValue()));
        }
        return samples;
    }
}
