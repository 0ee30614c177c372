package io.cellardoor.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Text embeddings from the configured LangChain4j model (all-MiniLM-L6-v2 in process by default).
 *
 * <p>Vectors have {@link #DIMENSIONS} floats and are L2-normalised, so cosine distance is
 * {@code 1 - dot}. Single texts (questions) are remembered in a bounded LRU cache
 * ({@code cellardoor.embedding.cache-size} texts, default 10,000, about 1.6 KB each; 0 turns it off): visitors ask
 * the same questions again and again, and a question's embedding costs milliseconds of CPU. Thread-safe.
 */
@Component
public class Embeddings {

    /** Dimensions of every vector, matching the {@code vector(384)} columns. */
    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;
    private final @Nullable Cache<String, float[]> cache;
    private final String modelId;
    private final String queryPrefix;
    private final String passagePrefix;

    /** With the default model's settings and a cache of {@code cacheSize} questions (tests, tools). */
    Embeddings(EmbeddingModel model, int cacheSize) {
        this(model, new EmbeddingProperties(null, null, null, null, null, null, null, null, cacheSize));
    }

    @org.springframework.beans.factory.annotation.Autowired
    Embeddings(EmbeddingModel model, EmbeddingProperties properties) {
        this.model = model;
        int cacheSize = properties.cacheSize() == null ? 10_000 : properties.cacheSize();
        this.cache =
                cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
        this.modelId = properties.modelId();
        this.queryPrefix = properties.queryPrefix() == null ? "" : properties.queryPrefix();
        this.passagePrefix = properties.passagePrefix() == null ? "" : properties.passagePrefix();
    }

    /** The configured model's id ({@link EmbeddingProperties#modelId()}): empty for the default in-process model. */
    public String modelId() {
        return modelId;
    }

    /**
     * The hash a chunk's embedding text is stored and reused under: SHA-256 of the text, prefixed by the model's id
     * for any model but the default, so an embedding is only reused by the model that made it.
     */
    public String chunkHash(String text) {
        String sha = sha256(text);
        return modelId.isEmpty() ? sha : modelId + ":" + sha;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Embeds one text, from the cache when the same text was embedded recently.
     *
     * @return 384 floats, L2-normalised; a new array the caller may change
     * @throws IllegalArgumentException when the text is blank
     */
    public float[] embed(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        if (cache == null) {
            return normalised(model.embed(queryPrefix + text).content());
        }
        return cache.get(text, t -> normalised(model.embed(queryPrefix + t).content()))
                .clone();
    }

    /**
     * Embeds a visitor's question as the semantic cache and curated answers compare questions: lower-cased, without
     * sentence punctuation, which do not change what is asked ("How many acres?" and "how many acres" are 0.94
     * similar as typed, 1.0 without).
     *
     * @return 384 floats, L2-normalised
     * @throws IllegalArgumentException when the question is blank
     */
    public float[] embedQuestion(String question) {
        String text = questionText(question);
        // A question of punctuation only ("???") has no normalised text: embed it as typed.
        return embed(text.isEmpty() ? question : text);
    }

    /** A question as {@link #embedQuestion} embeds it: lower-cased, sentence punctuation replaced by spaces, stripped. */
    public static String questionText(String question) {
        return question.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[?!.,;:]+", " ")
                .strip();
    }

    /** Embeds texts in one batch, in order; each vector as in {@link #embed(String)}. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments =
                texts.stream().map(t -> TextSegment.from(passagePrefix + t)).toList();
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : model.embedAll(segments).content()) {
            out.add(normalised(e));
        }
        return out;
    }

    private static float[] normalised(Embedding embedding) {
        float[] v = embedding.vector();
        if (v.length != DIMENSIONS) {
            throw new IllegalStateException(
                    "embedding model returned " + v.length + " dimensions, expected " + DIMENSIONS);
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0 && Math.abs(norm - 1) > 1e-4) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
        }
        return v;
    }
}
