package io.cellardoor.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.cellardoor.embedding.EmbeddingProperties;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import io.cellardoor.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractive generator with the in-process embedding model comparing answer units with the question. */
class EmbeddingUnitSimilarityTests {

    static final Embeddings EMBEDDINGS = new Embeddings(
            new AllMiniLmL6V2EmbeddingModel(),
            new EmbeddingProperties(null, null, null, null, null, null, null, null, 100, null));

    final TermAnalyzer analyzer = new TermAnalyzer(new Vocabulary());

    // The page that answers shares no content word with the question; a wine page shares "old", "order" and "wine".
    final List<RetrievedChunk> passages = List.of(
            ExtractiveAnswerGeneratorTests.chunk(
                    1,
                    "policies/policies.md",
                    "Policies",
                    "Legal Requirements",
                    "## Legal Requirements\n- You must be 21+ to purchase alcohol\n"
                            + "- Alcohol is for personal consumption, not resale",
                    0.48),
            ExtractiveAnswerGeneratorTests.chunk(
                    2,
                    "wine/seyval.md",
                    "2023 Seyval Blanc",
                    "Wine Information",
                    "The fruit comes from old vines and was pressed in order to keep its finesse. "
                            + "This wine was fermented in steel tanks.",
                    0.41));

    ExtractiveAnswerGenerator generator(UnitSimilarity similarity) {
        return new ExtractiveAnswerGenerator(
                analyzer,
                org -> CorpusStatistics.Stats.of(
                        passages.stream().map(c -> c.title() + " " + c.text()).toList(), analyzer),
                0.0001,
                ExtractiveAnswerGenerator.Weights.DEFAULT,
                similarity);
    }

    @Test
    void unitsAreComparedWithTheQuestionByMeaning() {
        double[] sims = new EmbeddingUnitSimilarity(EMBEDDINGS)
                .of(
                        "how old do you have to be to order wine?",
                        List.of("You must be 21+ to purchase alcohol", "The fruit comes from old vines"))
                .orElseThrow();
        assertThat(sims[0]).isGreaterThan(sims[1] + 0.15);
    }

    @Test
    void aParaphraseIsAnsweredWithTheSentenceThatMeansIt() {
        String question = "how old do you have to be to order wine from your website?";
        GeneratedAnswer byWords =
                generator(UnitSimilarity.NONE).generate(AnswerRequest.of(1, question, "en", passages, ""), t -> {});
        assertThat(byWords.text()).doesNotContain("21+");

        GeneratedAnswer byMeaning = generator(new EmbeddingUnitSimilarity(EMBEDDINGS))
                .generate(AnswerRequest.of(1, question, "en", passages, ""), t -> {});
        assertThat(byMeaning.answered()).isTrue();
        assertThat(byMeaning.text()).contains("You must be 21+ to purchase alcohol");
    }

    @Test
    void aLineSayingSomethingIsOnSiteTellsWhereAsADistanceDoes() {
        List<RetrievedChunk> pages = List.of(
                ExtractiveAnswerGeneratorTests.chunk(
                        1,
                        "visiting/directions.md",
                        "Directions",
                        "Parking Information",
                        "- Complimentary parking available on-site",
                        0.4),
                ExtractiveAnswerGeneratorTests.chunk(
                        2,
                        "visiting/stay.md",
                        "Places to Stay Nearby",
                        "The Riverside Inn (Hyde Park)",
                        "- Distance from the farm: About 10 minutes (5 miles)",
                        0.35));
        ExtractiveAnswerGenerator generator = new ExtractiveAnswerGenerator(
                analyzer,
                org -> CorpusStatistics.Stats.of(
                        pages.stream().map(c -> c.title() + " " + c.text()).toList(), analyzer),
                0.0001,
                ExtractiveAnswerGenerator.Weights.DEFAULT,
                new EmbeddingUnitSimilarity(EMBEDDINGS));

        GeneratedAnswer answer = generator.generate(AnswerRequest.of(1, "where do i park", "en", pages, ""), t -> {});

        assertThat(answer.text())
                .as("\"Hyde Park\" in the inn's heading is no place to park: " + answer.text())
                .startsWith("**Directions**\n- Parking Information: Complimentary parking");
    }

    @Test
    void withoutAModelTheGeneratorChoosesByWordsAlone() {
        assertThat(UnitSimilarity.NONE.of("anything", List.of("a unit"))).isEmpty();
        assertThat(new EmbeddingUnitSimilarity(EMBEDDINGS).of("anything", List.of()))
                .isEmpty();
    }
}
