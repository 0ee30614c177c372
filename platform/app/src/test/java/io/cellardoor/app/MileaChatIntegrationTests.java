package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.knowledge.ImportReport;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The real Milea knowledge base imported once, then questions over the real HTTP API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MileaChatIntegrationTests extends IntegrationTestSupport {

    static final String SITE_KEY = "it-milea-key";

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ObjectMapper json;

    ImportReport report;

    @BeforeAll
    void importMilea() throws Exception {
        long org = tenants.ensureOrg("it-milea", "Milea (integration test)");
        tenants.ensureSite(org, SITE_KEY, "Milea test site");
        report = importer.importFolder(org, MILEA, line -> {});
    }

    JsonNode ask(String question) {
        HttpResponse<String> response =
                post("/api/v1/chat", SITE_KEY, json.writeValueAsString(java.util.Map.of("message", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A question of the dev set, read from ../shared/data (never copied into the repository). */
    String devQuestion(String id) {
        try {
            return java.nio.file.Files.readAllLines(SHARED_DATA.resolve("vineyard-qa-dev.jsonl")).stream()
                    .filter(l -> !l.isBlank())
                    .map(json::readTree)
                    .filter(n -> n.path("id").asString().equals(id))
                    .map(n -> n.path("question").asString())
                    .findFirst()
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> citedPaths(JsonNode answer) {
        List<String> paths = new ArrayList<>();
        answer.path("citations").forEach(c -> paths.add(c.path("path").asString()));
        return paths;
    }

    @Test
    void importsEveryMileaFile() {
        assertThat(report.failures()).isEmpty();
        assertThat(report.added() + report.updated() + report.unchanged()).isEqualTo(291);
        int docs = asOwner()
                .sql("SELECT count(*) FROM kb_document d JOIN org o ON o.id = d.org_id WHERE o.slug = 'it-milea'")
                .query(Integer.class)
                .single();
        assertThat(docs).isEqualTo(291);
    }

    @Test
    void answersMondayHoursFromTheHoursDocumentWithACitation() {
        JsonNode answer = ask("Are you open on Monday?");
        assertThat(answer.path("answered").asBoolean()).isTrue();
        assertThat(answer.path("domain").asString()).isEqualTo("visiting");
        assertThat(answer.path("answer").asString()).containsIgnoringCase("closed");
        assertThat(citedPaths(answer)).contains("visiting/visiting_hours.md");
    }

    @Test
    void resolvesAPartialWineNameToItsPrice() {
        JsonNode answer = ask(devQuestion("d001"));
        assertThat(answer.path("domain").asString()).isEqualTo("wine");
        assertThat(answer.path("answer").asString()).contains("45");
        assertThat(citedPaths(answer)).first().asString().startsWith("wine/wine_2022-reserve-cabernet-franc");
    }

    @Test
    void aQuestionAskingWhoWithinADomainFindsThePersonOnTheTeamPage() {
        JsonNode answer = ask("who is the events coordinator");
        assertThat(answer.path("domain").asString()).isEqualTo("events");
        assertThat(answer.path("answer").asString())
                .as("the team pages (in no domain's folder) name her; the wedding FAQ only mentions the role")
                .contains("Laney Acevedo");
        assertThat(citedPaths(answer)).first().asString().startsWith("about/");
    }

    @Test
    void askedWhoSomeoneIsTheAnswerStartsWhereTheSectionTheirNameHeadsDoes() {
        assertThat(ask("who is mina do").path("answer").asString())
                .as("the section's first sentence, not only the later ones that repeat her name")
                .contains("Mina Do brings a wealth of experience");
    }

    @Test
    void declinesWhatTheKnowledgeDoesNotCoverAndGivesTheContactLine() {
        JsonNode answer = ask("What is the boiling point of mercury?");
        assertThat(answer.path("answered").asBoolean()).isFalse();
        assertThat(answer.path("citations").size()).isZero();
        assertThat(answer.path("answer").asString()).containsPattern("\\(\\d{3}\\) \\d{3}-\\d{4}|@");
    }

    @Test
    void aWholeNewQuestionAfterAConnectiveAsksAboutItselfNotTheEarlierTopic() {
        JsonNode first = ask("are dogs allowed?");
        String conversation = first.path("conversationId").asString();
        JsonNode kids = askIn(conversation, "what about kids?");
        assertThat(kids.path("answer").asString()).containsIgnoringCase("children");
        JsonNode parking = askIn(conversation, "and is there parking?");
        assertThat(parking.path("answer").asString())
                .as("not the children's or the dogs' line again")
                .containsIgnoringCase("parking")
                .doesNotContainIgnoringCase("children");
    }

    JsonNode askIn(String conversation, String question) {
        HttpResponse<String> response = post(
                "/api/v1/chat",
                SITE_KEY,
                json.writeValueAsString(java.util.Map.of("message", question, "conversationId", conversation)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void persistsEachTurnInItsConversation() {
        JsonNode first = ask("do you allow dogs?");
        String conversation = first.path("conversationId").asString();
        HttpResponse<String> second = post(
                "/api/v1/chat",
                SITE_KEY,
                "{\"message\": \"and children?\", \"conversationId\": \"" + conversation + "\"}");
        assertThat(json.readTree(second.body()).path("conversationId").asString())
                .isEqualTo(conversation);
        var rows = asOwner()
                .sql(
                        "SELECT question, domain, latency_ms, citations::text FROM message WHERE conversation_id = ?::uuid ORDER BY id")
                .param(conversation)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(0)).isEqualTo("do you allow dogs?");
        assertThat((String) rows.get(0).get(3)).contains("\"path\"");
    }
}
