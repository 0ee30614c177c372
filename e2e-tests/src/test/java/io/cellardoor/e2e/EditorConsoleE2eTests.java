package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.e2e.pages.ChatWidget;
import io.cellardoor.e2e.pages.ConsolePage;
import io.cellardoor.e2e.pages.DemoPage;
import io.cellardoor.e2e.pages.KnowledgeConsolePage;
import io.cellardoor.e2e.support.ConsoleE2eTestSupport;
import io.cellardoor.e2e.support.Database;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Journey 11: an editor changes the opening hours in the console and the widget's next answer has them. Last of the
 * journeys because it changes the demo knowledge; it puts the old hours back through the console afterwards.
 */
@Order(11)
@DisplayName("Journey 11: an editor changes the hours")
class EditorConsoleE2eTests extends ConsoleE2eTestSupport {

    static final String HOURS_PATH = "visiting/hours.md";
    static final String SATURDAY = "- **Saturday**: 11:00 AM - 7:00 PM";
    static final String NEW_SATURDAY = "- **Saturday**: 10:30 AM - 9:15 PM";

    @Test
    @DisplayName(
            "11. An editor signs in, changes Saturday's hours and saves; the widget's next answer gives the new hours")
    void editorChangesHoursAndWidgetAnswersWithThem() {
        String original = Database.documentContent("demo", HOURS_PATH);
        assertThat(original).as("the demo knowledge's hours page").contains(SATURDAY);

        ConsolePage console = signIn("editor");
        assertThat(console.signedInUser()).containsText("editor · demo · editor");
        KnowledgeConsolePage knowledge = new KnowledgeConsolePage(console).awaitShown();
        knowledge.openDocument(HOURS_PATH);
        assertThat(knowledge.markdown()).isEqualTo(original);
        assertThat(knowledge.saveButton()).isVisible();
        assertThat(knowledge.saveButton()).isDisabled();

        String status;
        try {
            knowledge.replaceMarkdown(original.replace(SATURDAY, NEW_SATURDAY));
            assertThat(knowledge.preview()).containsText("10:30 AM - 9:15 PM");
            status = knowledge.saveAndAwaitReindex();
            assertThat(status).contains("the chat uses it now");
            assertThat(Database.documentContent("demo", HOURS_PATH))
                    .contains(NEW_SATURDAY)
                    .doesNotContain(SATURDAY);
            assertThat(knowledge.saveButton()).isDisabled();
            screenshot("11-editor-saved-new-hours");

            // The visitor's next answer (the same question earlier journeys asked, so the cache must not answer it).
            DemoPage demo = new DemoPage(page).open();
            ChatWidget chat = demo.widget().open();
            chat.ask(ChatJourneyE2eTests.HOURS_QUESTION);
            String answer = chat.awaitAnswer();
            assertThat(answer).contains("10:30 AM", "9:15 PM").doesNotContain("7:00 PM");
            assertThat(ChatWidget.citationsOf(chat.lastBotMessage()).first()).containsText("Tasting Room Hours");
            screenshot("11-widget-answers-new-hours");
        } finally {
            restore(console, original);
        }
        System.out.println("[e2e] journey 11: " + status);
    }

    /** Puts the page back as it was, through the console as an editor would. */
    private void restore(ConsolePage console, String original) {
        if (original.equals(Database.documentContent("demo", HOURS_PATH))) {
            return;
        }
        KnowledgeConsolePage knowledge = new KnowledgeConsolePage(console).open();
        knowledge.openDocument(HOURS_PATH);
        knowledge.replaceMarkdown(original);
        knowledge.saveAndAwaitReindex();
        assertThat(Database.documentContent("demo", HOURS_PATH)).isEqualTo(original);
    }
}
