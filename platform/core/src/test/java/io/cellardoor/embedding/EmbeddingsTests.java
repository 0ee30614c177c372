package io.cellardoor.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The real all-MiniLM-L6-v2 model behind the question cache: same vectors, computed once, copies handed out. */
class EmbeddingsTests {

    private static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    @Test
    void theInProcessModelOnOneQuietThreadEmbedsAsLangChain4jsOwnDoes() {
        InProcessMiniLm quiet = new InProcessMiniLm(InProcessMiniLm.FULL, 1);
        for (String text : List.of("Is the winery dog friendly?", "Tastings run Friday to Sunday in the barn.")) {
            float[] expected = MODEL.embed(text).content().vector();
            float[] found = quiet.embed(text).content().vector();
            assertThat(found).hasSize(Embeddings.DIMENSIONS);
            assertThat(found).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
        }
        assertThat(quiet.dimension()).isEqualTo(Embeddings.DIMENSIONS);
    }

    @Test
    void theQuantizedModelEmbedsAsLangChain4jsOwnDoesAndCloseToTheFullOne() {
        InProcessMiniLm quantized = new InProcessMiniLm(InProcessMiniLm.QUANTIZED, 1);
        EmbeddingModel own = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : List.of("Is the winery dog friendly?", "Tastings run Friday to Sunday in the barn.")) {
            float[] found = quantized.embed(text).content().vector();
            assertThat(found).containsExactly(own.embed(text).content().vector(), Offset.offset(1e-5f));
            float[] full = MODEL.embed(text).content().vector();
            assertThat(found).isNotEqualTo(full);
            assertThat(cosine(found, full)).isGreaterThan(0.97);
        }
    }

    @Test
    void theInProcessModelIsNamedAndItsNameKeysTheChunkHashes() {
        assertThat(properties(null).inProcessModel()).isEqualTo(InProcessMiniLm.QUANTIZED);
        assertThat(properties(null).modelId()).isEqualTo("in-process:all-minilm-l6-v2-q");
        assertThat(properties("all-minilm-l6-v2").modelId()).isEmpty();
        assertThatThrownBy(() -> properties("all-mpnet-base-v2").inProcessModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all-minilm-l6-v2-q");
    }

    private static EmbeddingProperties properties(String model) {
        return new EmbeddingProperties(null, null, null, model, null, null, null, null, null, null);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void aRepeatedQuestionIsEmbeddedOnceAndCallersGetTheirOwnCopy() {
        AtomicInteger calls = new AtomicInteger();
        Embeddings embeddings = new Embeddings(counting(calls), 100);
        float[] first = embeddings.embed("When does the tasting room open?");
        float[] second = embeddings.embed("When does the tasting room open?");
        assertThat(calls).hasValue(1);
        assertThat(second).containsExactly(first).isNotSameAs(first);
        first[0] = 42;
        assertThat(embeddings.embed("When does the tasting room open?")[0]).isNotEqualTo(42f);
        embeddings.embed("Do you ship wine to New York?");
        assertThat(calls).hasValue(2);
    }

    @Test
    void withTheCacheOffEveryCallEmbedsAndVectorsAreNormalised() {
        AtomicInteger calls = new AtomicInteger();
        Embeddings embeddings = new Embeddings(counting(calls), 0);
        float[] v = embeddings.embed("Is the winery dog friendly?");
        embeddings.embed("Is the winery dog friendly?");
        assertThat(calls).hasValue(2);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(v).hasSize(Embeddings.DIMENSIONS);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThatThrownBy(() -> embeddings.embed("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuestionEmbeddedAheadIsTheTurnsEmbeddingNotASecondOne() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Embeddings embeddings = new Embeddings(counting(calls), 100);
        embeddings.embedQuestionAhead("How many acres is the vineyard?");
        for (int i = 0; i < 500 && calls.get() == 0; i++) {
            Thread.sleep(10); // waits for the background embedding to start; its end the cache waits for
        }
        float[] turn = embeddings.embedQuestion("how many acres is the vineyard");
        assertThat(calls).as("the turn reused the embedding made ahead").hasValue(1);
        assertThat(turn).containsExactly(embeddings.embed("how many acres is the vineyard"));
        embeddings.embedQuestionAhead("\u200b");
        assertThat(calls).as("unreadable text is not embedded").hasValue(1);
    }

    @Test
    void batchesAreNotCachedAndKeepTheirOrder() {
        AtomicInteger calls = new AtomicInteger();
        Embeddings embeddings = new Embeddings(counting(calls), 100);
        List<float[]> batch = embeddings.embedAll(List.of("red wine", "white wine"));
        assertThat(batch).hasSize(2);
        float[] single = embeddings.embed("red wine");
        double dot = 0;
        for (int i = 0; i < single.length; i++) {
            dot += single[i] * batch.get(0)[i];
        }
        assertThat(dot).isGreaterThan(0.999);
        assertThat(calls).as("the batch did not fill the cache").hasValue(1);
    }

    @Test
    void anEmbeddingsApisCallsAreHandedOnWithTheirReportedTokensButCacheHitsAndInProcessModelsAreNot() {
        EmbeddingModel reporting = new EmbeddingModel() {
            @Override
            public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                    List<dev.langchain4j.data.segment.TextSegment> segments) {
                return dev.langchain4j.model.output.Response.from(
                        MODEL.embedAll(segments).content(),
                        new dev.langchain4j.model.output.TokenUsage(7 * segments.size()));
            }

            @Override
            public int dimension() {
                return MODEL.dimension();
            }
        };
        List<EmbeddingCall> calls = new java.util.ArrayList<>();
        Embeddings api = new Embeddings(
                reporting,
                new EmbeddingProperties(
                        "openai",
                        "http://embeddings.test:8080/v1",
                        "k",
                        "embed-small",
                        null,
                        null,
                        null,
                        null,
                        100,
                        null));
        api.embedQuestion("Is the winery dog friendly?", calls::add);
        api.embedQuestion("is the winery dog friendly", calls::add); // the same question: a cache hit
        api.embedAll(List.of("red wine", "white wine"), calls::add);
        assertThat(calls)
                .containsExactly(
                        new EmbeddingCall("embeddings.test", "embed-small", 7),
                        new EmbeddingCall("embeddings.test", "embed-small", 14));

        List<EmbeddingCall> none = new java.util.ArrayList<>();
        Embeddings inProcess = new Embeddings(reporting, 100);
        inProcess.embedQuestion("Is the winery dog friendly?", none::add);
        inProcess.embedAll(List.of("red wine"), none::add);
        assertThat(none).as("a model run in process bills nothing").isEmpty();
    }

    /** The real model, counting single-text calls. */
    private static EmbeddingModel counting(AtomicInteger calls) {
        return new EmbeddingModel() {
            @Override
            public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                    List<dev.langchain4j.data.segment.TextSegment> segments) {
                if (segments.size() == 1) {
                    calls.incrementAndGet();
                }
                return MODEL.embedAll(segments);
            }

            @Override
            public int dimension() {
                return MODEL.dimension();
            }
        };
    }
}
