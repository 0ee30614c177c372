package io.cellardoor.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.cellardoor.embedding.Embeddings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy clustering with the app's embedding model and the documented default threshold. */
class GapClusteringTests {

    static final AllMiniLmL6V2EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    static float[] embed(String question) {
        float[] v = MODEL.embed(Embeddings.questionText(question)).content().vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    List<List<Integer>> group(List<String> questions) {
        return GapClustering.group(
                questions.stream().map(GapClusteringTests::embed).toList(), InsightsService.DEFAULT_GAP_SIMILARITY);
    }

    @Test
    void rewordingsOfOneNeedShareAGroupAndDifferentNeedsDoNot() {
        var groups = group(List.of(
                "Can I bring my dog?",
                "Is there parking?",
                "Are dogs allowed at the winery?",
                "Where can I park my car?",
                "Is the tasting room wheelchair accessible?",
                "can i bring my dog to the tasting",
                "Do you sell gift cards?",
                "Do you sell hats?"));
        assertThat(groups).containsExactly(List.of(0, 2, 5), List.of(1, 3), List.of(4), List.of(6), List.of(7));
    }

    @Test
    void theFirstQuestionOfAGroupLeadsIt() {
        assertThat(group(List.of(
                        "Do you ship wine to Texas?", "Can you deliver wine to Texas?", "Do you host weddings?")))
                .containsExactly(List.of(0, 1), List.of(2));
    }

    @Test
    void nothingToGroupGivesNoGroups() {
        assertThat(GapClustering.group(List.of(), 0.5)).isEmpty();
    }

    @Test
    void slugsAndDraftsAreSafeForPathsAndComments() {
        assertThat(InsightsService.slug("Can I bring my dog?")).isEqualTo("can-i-bring-my-dog");
        assertThat(InsightsService.slug("¿Qué vinos tienen?")).isEqualTo("que-vinos-tienen");
        assertThat(InsightsService.slug("???")).isEqualTo("new-answer");
        String draft = InsightsService.draft(
                "Can I bring my dog?",
                List.of(
                        List.of(
                                new InsightsStore.GapQuestion("Can I bring my dog?", "visiting"),
                                new InsightsStore.GapQuestion("can I bring my dog", "visiting")),
                        List.of(new InsightsStore.GapQuestion("dogs --> allowed?", "visiting"))),
                30);
        assertThat(draft)
                .startsWith("# Can I bring my dog?\n\n<!--\n")
                .contains(
                        "asked this 3 times in the last 30 days",
                        "- Can I bring my dog? (x2)\n",
                        "- dogs -> allowed?\n")
                .endsWith("-->\n\n");
        assertThat(draft.indexOf("-->")).isEqualTo(draft.lastIndexOf("-->"));
    }

    @Test
    void aHandoffQuestionGetsAGeneralDraftOfItsOwn() {
        KnowledgeGap gap = InsightsService.gapOf(" Do you host weddings? ");
        assertThat(gap.suggestedPath()).isEqualTo("general/do-you-host-weddings.md");
        assertThat(gap.draft())
                .startsWith(
                        "# Do you host weddings?\n\n<!--\nKnowledge gap: a visitor left this question for the team:\n"
                                + "- Do you host weddings?\n");
    }
}
