package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.e2e.pages.ConsolePage;
import io.cellardoor.e2e.pages.InboxConsolePage;
import io.cellardoor.e2e.pages.KnowledgeConsolePage;
import io.cellardoor.e2e.support.ConsoleE2eTestSupport;
import io.cellardoor.e2e.support.Database;
import io.cellardoor.e2e.support.UniqueText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Journey 9: a VIEWER reads the knowledge and the inbox but cannot change either. */
@Order(9)
@DisplayName("Journey 9: a viewer in the console")
class ViewerConsoleE2eTests extends ConsoleE2eTestSupport {

    static final String HOURS_PATH = "visiting/hours.md";

    @Test
    @DisplayName("9a. A viewer sees demo's documents and opens one, but the editor is read-only and has no Save")
    void viewerSeesDocumentsButCannotEditThem() {
        String stored = Database.documentContent("demo", HOURS_PATH);
        assertThat(stored).as("the demo knowledge's hours page").isNotNull();

        ConsolePage console = signIn("viewer");
        assertThat(console.signedInUser()).containsText("viewer · demo · viewer");
        KnowledgeConsolePage knowledge = new KnowledgeConsolePage(console).awaitShown();
        assertThat(knowledge.documentCount())
                .as("documents in the grid")
                .isEqualTo(Database.documents("demo").size());

        knowledge.openDocument(HOURS_PATH);
        assertThat(knowledge.markdown()).isEqualTo(stored);
        assertThat(knowledge.markdownEditor()).hasAttribute("readonly", "");
        assertThat(knowledge.markdownEditor()).containsText("read only");
        assertThat(knowledge.markdownArea()).not().isEditable();
        assertThat(knowledge.saveButton()).isHidden();
        assertThat(knowledge.revertButton()).isHidden();

        // Typing into the page changes nothing, on screen or stored.
        knowledge.markdownArea().click();
        page.keyboard().press("Control+End");
        page.keyboard().type("Open all night!");
        console.awaitIdle();
        assertThat(knowledge.markdown()).isEqualTo(stored);
        assertThat(knowledge.saveButton()).isHidden();
        assertThat(Database.documentContent("demo", HOURS_PATH)).isEqualTo(stored);
        screenshot("09a-viewer-read-only");
    }

    @Test
    @DisplayName("9b. A viewer sees the questions visitors left in the inbox, without Resolve")
    void viewerSeesTheInboxButCannotResolve() {
        String question = "Can I bring my dog to the tasting? (e2e " + UniqueText.marker() + ")";
        app.leaveDemoHandoff(question, "visitor@example.com");

        ConsolePage console = signIn("viewer");
        InboxConsolePage inbox = new InboxConsolePage(console).openFromNavigation();
        assertThat(inbox.requestCount()).isEqualTo(Database.openHandoffCount("demo"));
        assertThat(inbox.cell(question)).isVisible();
        assertThat(inbox.resolveButtons()).hasCount(0);
        screenshot("09b-viewer-inbox");
    }
}
