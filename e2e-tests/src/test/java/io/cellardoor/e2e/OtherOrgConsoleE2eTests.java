package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.e2e.pages.ConsolePage;
import io.cellardoor.e2e.pages.InboxConsolePage;
import io.cellardoor.e2e.pages.KnowledgeConsolePage;
import io.cellardoor.e2e.support.ConsoleE2eTestSupport;
import io.cellardoor.e2e.support.Database;
import io.cellardoor.e2e.support.UniqueText;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Journey 10: the org admin of org {@code other} (Keycloak user {@code other-admin}) sees their own org's knowledge and
 * inbox only. Org {@code other} gets one page of its own at the same path as demo's hours page, so a leak would show.
 */
@Order(10)
@DisplayName("Journey 10: another org's admin in the console")
class OtherOrgConsoleE2eTests extends ConsoleE2eTestSupport {

    static final String HOURS_PATH = "visiting/hours.md";
    static final String OTHER_TITLE = "Other Estate Opening Times";
    static final String OTHER_MARKDOWN = """
            # Other Estate Opening Times

            - **Monday**: 9:00 AM - 1:00 PM
            """;

    private long otherOrg;

    @BeforeEach
    void otherOrgHasAPageOfItsOwn() {
        otherOrg = Database.ensureOrg("other", "Other Estate");
        Database.putDocument(otherOrg, HOURS_PATH, OTHER_TITLE, OTHER_MARKDOWN);
    }

    @AfterEach
    void removeOthersPage() {
        Database.deleteDocument(otherOrg, HOURS_PATH);
    }

    @Test
    @DisplayName("10a. An org admin of org other sees none of demo's documents, also not by URL")
    void orgAdminOfOtherOrgSeesNoneOfDemosDocuments() {
        // Titles only demo has (should another test have given other some of the same pages).
        List<String> otherTitles = titles(Database.documents("other"));
        List<String> demoTitles = titles(Database.documents("demo")).stream()
                .filter(t -> !otherTitles.contains(t))
                .toList();
        String demoHours = Database.documentContent("demo", HOURS_PATH);
        assertThat(demoTitles)
                .as("titles of demo's documents that other does not have")
                .isNotEmpty();

        ConsolePage console = signIn("other-admin");
        assertThat(console.signedInUser()).containsText("other-admin · other · org admin");
        KnowledgeConsolePage knowledge = new KnowledgeConsolePage(console).awaitShown();

        // The grid lists other's documents only.
        assertThat(knowledge.documentCount())
                .isEqualTo(Database.documents("other").size());
        assertThat(knowledge.cell(HOURS_PATH)).isVisible();
        assertThat(knowledge.cell(OTHER_TITLE)).isVisible();
        assertThat(knowledge.renderedCellTexts()).doesNotContainAnyElementsOf(demoTitles);

        // The page at demo's hours path is other's own, not demo's.
        knowledge.openDocument(HOURS_PATH);
        assertThat(knowledge.markdown()).isEqualTo(OTHER_MARKDOWN);
        assertThat(page.locator("body")).not().containsText("Hollow Creek");
        screenshot("10a-other-org-sees-own-documents");

        // Nor does a URL naming demo's document reach it.
        for (String url : List.of(
                "/admin/knowledge/" + HOURS_PATH,
                "/admin/knowledge?path=" + HOURS_PATH,
                "/admin/knowledge?org=demo",
                "/admin/?org=demo")) {
            page.navigate(app.baseUrl() + url);
            console.awaitIdle();
            assertThat(page.locator("body")).not().containsText("Hollow Creek");
            assertThat(page.locator("body"))
                    .not()
                    .containsText(demoHours
                            .lines()
                            .filter(l -> l.startsWith("# "))
                            .findFirst()
                            .orElseThrow()
                            .substring(2));
            if (knowledge.grid().count() > 0) {
                assertThat(knowledge.renderedCellTexts()).as(url).doesNotContainAnyElementsOf(demoTitles);
            }
        }
        screenshot("10a-other-org-demo-url");
    }

    @Test
    @DisplayName("10b. An org admin of org other does not see the questions demo's visitors left")
    void orgAdminOfOtherOrgSeesNoneOfDemosHandoffs() {
        String question = "Do you ship wine to Vermont? (e2e " + UniqueText.marker() + ")";
        app.leaveDemoHandoff(question, "visitor@example.com");

        ConsolePage console = signIn("other-admin");
        InboxConsolePage inbox = new InboxConsolePage(console).openFromNavigation();
        assertThat(inbox.requestCount()).isEqualTo(Database.openHandoffCount("other"));
        assertThat(inbox.cell(question)).hasCount(0);
        assertThat(inbox.grid()).not().containsText(question);
        screenshot("10b-other-org-inbox");
    }

    private static List<String> titles(List<String> documents) {
        return documents.stream().map(d -> d.substring(d.indexOf('|') + 1)).toList();
    }
}
