package io.cellardoor.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Text embeddings from the configured LangChain4j model (all-MiniLM-L6-v2 in process by default).
 *
 * <p>Vectors have {@link #DIMENSIONS} floats and are L2-normalised, so cosine distance is
 * {@code 1 - dot}. Thread-safe.
 */
@Component
public class Embeddings {

    /** Dimensions of every vector, matching the {@code vector(384)} columns. */
    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;

    Embeddings(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * Embeds one text.
     *
     * @return 384 floats, L2-normalised
     * @throws IllegalArgumentException when the text is blank
     */
    public float[] embed(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        return normalised(model.embed(text).content());
    }

    /**
     * Embeds a visitor's question as the semantic cache and curated answers compare questions: lower-cased, without
     * sentence punctuation, which do not change what is asked ("How many acres?" and "how many acres" are 0.94
     * similar as typed, 1.0 without).
     *
     * @return 384 floats, L2-normalised
     * @throws IllegalArgumentException when the question is blank or only punctuation
     */
    public float[] embedQuestion(String question) {
        return embed(questionText(question));
    }

    /** A question as {@link #embedQuestion} embeds it: lower-cased, sentence punctuation replaced by spaces, stripped. */
    public static String questionText(String question) {
        return question.toLowerCase(java.util.Locale.ROOT).replaceAll("[?!.,;:]+", " ").strip();
    }

    /** Embeds texts in one batch, in order; each vector as in {@link #embed(String)}. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : model.embedAll(segments).content()) {
            out.add(normalised(e));
        }
        return out;
    }

    private static float[] normalised(Embedding embedding) {
        float[] v = embedding.vector();
        if (v.length != DIMENSIONS) {
            throw new IllegalStateException("embedding model returned " + v.length + " dimensions, expected " + DIMENSIONS);
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
