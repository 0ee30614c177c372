package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import io.cellardoor.e2e.pages.ChatWidget;
import io.cellardoor.e2e.pages.ChatWidget.StreamSample;
import io.cellardoor.e2e.pages.DemoPage;
import io.cellardoor.e2e.support.Database;
import io.cellardoor.e2e.support.E2eConfig;
import io.cellardoor.e2e.support.E2eTestSupport;
import io.cellardoor.e2e.support.UniqueText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Journeys 1-3 on the demo page: a streamed answer with sources, the conversation after a reload, a thumbs-down. */
@Order(1)
@DisplayName("Journeys 1-3: streamed answer, reload, feedback")
class ChatJourneyE2eTests extends E2eTestSupport {

    static final String HOURS_QUESTION = "What are your hours on Saturday?";

    @Test
    @DisplayName("1. A visitor asks about Saturday hours and sees the answer stream in, with a source")
    void answerStreamsInWithCitations() {
        DemoPage demo = new DemoPage(page).open();
        ChatWidget chat = demo.widget().open();
        assertThat(chat.input()).isFocused();

        // A visitor on a slow connection: the answer's events then reach the page over a few seconds, so the
        // widget's rendering of each step is observable rather than racing the loopback interface.
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Network.enable");
        JsonObject slow = new JsonObject();
        slow.addProperty("offline", false);
        slow.addProperty("latency", 20);
        slow.addProperty("downloadThroughput", 600);
        slow.addProperty("uploadThroughput", -1);
        cdp.send("Network.emulateNetworkConditions", slow);

        chat.startRecordingAnswer();
        Response stream =
                page.waitForResponse(r -> r.url().endsWith("/api/v1/chat/stream"), () -> chat.ask(HOURS_QUESTION));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.headerValue("content-type")).startsWith("text/event-stream");
        String answer = chat.awaitAnswer();
        List<StreamSample> samples = chat.stopRecordingAnswer();

        // The question, then the answer: it names a time in the afternoon or evening.
        assertThat(chat.userMessages()).hasCount(1);
        assertThat(chat.userMessages().first()).containsText(HOURS_QUESTION);
        assertThat(answer).containsPattern(Pattern.compile("7(:00)?\\s*PM|\\bPM\\b", Pattern.CASE_INSENSITIVE));
        Locator bot = chat.lastBotMessage();
        assertThat(bot).not().hasAttribute("aria-busy", "true");

        // It arrived in steps: on the wire several token events, on screen the message was busy with part of the
        // text before it was final with all of it.
        long tokenEvents = Pattern.compile("(?m)^event:\\s*token\\s*$")
                .matcher(stream.text())
                .results()
                .count();
        assertThat(tokenEvents).as("token events in the answer stream").isGreaterThan(1);
        int finalLength = samples.getLast().textLength();
        assertThat(samples.getLast().busy())
                .as("last state is final: " + samples)
                .isFalse();
        List<Integer> partial = samples.stream()
                .filter(s -> s.busy() && s.textLength() > 0 && s.textLength() < finalLength)
                .map(StreamSample::textLength)
                .distinct()
                .toList();
        assertThat(partial)
                .as("lengths of the answer text seen while it was still streaming (final %d): %s", finalLength, samples)
                .isNotEmpty();
        assertThat(samples)
                .as("the message was marked aria-busy while streaming")
                .anyMatch(StreamSample::busy);
        System.out.printf(
                "[e2e] journey 1: %d token events; answer text lengths on screen while streaming %s, final %d%n",
                tokenEvents, partial, finalLength);

        // With its sources.
        Locator citations = ChatWidget.citationsOf(bot);
        assertThat(citations.first()).isVisible();
        assertThat(citations.first()).not().hasText("");

        cdp.send("Network.emulateNetworkConditions", fast());
        screenshot("01-streamed-answer");
    }

    @Test
    @DisplayName("2. After a reload the conversation is still there")
    void conversationSurvivesReload() {
        DemoPage demo = new DemoPage(page).open();
        ChatWidget chat = demo.widget().open();
        chat.ask(HOURS_QUESTION);
        String answer = chat.awaitAnswer();
        int citations = ChatWidget.citationsOf(chat.lastBotMessage()).count();
        String conversationId = chat.storedConversationId(E2eConfig.SITE_KEY);
        assertThat(conversationId).as("conversation id kept by the widget").isNotBlank();

        demo.reload();
        chat.open();

        assertThat(chat.messages()).hasCount(2);
        assertThat(chat.userMessages()).hasCount(1);
        assertThat(chat.userMessages().first()).containsText(HOURS_QUESTION);
        assertThat(chat.botMessages()).hasCount(1);
        assertThat(ChatWidget.textOf(chat.lastBotMessage())).hasText(answer);
        assertThat(ChatWidget.citationsOf(chat.lastBotMessage())).hasCount(citations);
        assertThat(chat.storedConversationId(E2eConfig.SITE_KEY)).isEqualTo(conversationId);

        // And the restored conversation goes on: a follow-up continues the same conversation.
        chat.ask("And on Sunday?");
        chat.awaitAnswer();
        assertThat(chat.botMessages()).hasCount(2);
        assertThat(chat.storedConversationId(E2eConfig.SITE_KEY)).isEqualTo(conversationId);
        screenshot("02-restored-after-reload");
    }

    @Test
    @DisplayName("3. A thumbs-down with a comment is stored with the answer")
    void thumbsDownWithCommentIsStored() {
        DemoPage demo = new DemoPage(page).open();
        ChatWidget chat = demo.widget().open();
        chat.ask(HOURS_QUESTION);
        chat.awaitAnswer();
        Locator bot = chat.lastBotMessage();
        String messageId = bot.getAttribute("data-message-id");
        assertThat(messageId).as("the answer's message id from the done event").isNotBlank();

        String comment = "I wanted the summer hours, not the winter ones (e2e " + UniqueText.marker() + ")";
        bot.locator("[data-testid='thumbs-down']").click();
        Locator box = bot.locator("[data-testid='feedback-comment']");
        assertThat(box).isFocused();
        box.fill(comment);
        Response sent = page.waitForResponse(
                r -> r.url().contains("/api/v1/messages/") && r.url().endsWith("/feedback"),
                () -> bot.locator("[data-testid='feedback-submit']").click());
        assertThat(sent.status()).isBetween(200, 299);
        assertThat(bot.locator("[data-testid='feedback-thanks']")).isVisible();
        assertThat(bot.locator("[data-testid='thumbs-down']")).hasAttribute("aria-pressed", "true");

        List<Database.Feedback> rows = awaitFeedback(comment);
        assertThat(rows).hasSize(1);
        Database.Feedback row = rows.getFirst();
        assertThat(row.feedback()).isEqualTo("down");
        assertThat(row.comment()).isEqualTo(comment);
        assertThat(row.question()).isEqualTo(HOURS_QUESTION);
        assertThat(String.valueOf(row.messageId())).isEqualTo(messageId);
        assertThat(row.conversationId()).isEqualTo(chat.storedConversationId(E2eConfig.SITE_KEY));
        screenshot("03-thumbs-down-feedback");
    }

    private static List<Database.Feedback> awaitFeedback(String comment) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        List<Database.Feedback> rows = Database.feedbackWithComment(comment);
        while (rows.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            rows = Database.feedbackWithComment(comment);
        }
        return rows;
    }

    private static JsonObject fast() {
        JsonObject o = new JsonObject();
        o.addProperty("offline", false);
        o.addProperty("latency", 0);
        o.addProperty("downloadThroughput", -1);
        o.addProperty("uploadThroughput", -1);
        return o;
    }
}
