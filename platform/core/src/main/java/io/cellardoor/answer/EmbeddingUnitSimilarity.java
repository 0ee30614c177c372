package io.cellardoor.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cellardoor.embedding.Embeddings;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UnitSimilarity} by the configured embedding model when it runs in process (an embeddings API would bill every
 * unit of every answer): units are embedded in one batch per answer, and kept (at most {@value #MAX_UNITS} of them,
 * about 1.5 KiB each) since the same passages answer many questions.
 */
final class EmbeddingUnitSimilarity implements UnitSimilarity {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingUnitSimilarity.class);
    static final int MAX_UNITS = 20_000;

    private final Embeddings embeddings;
    private final Cache<String, float[]> units =
            Caffeine.newBuilder().maximumSize(MAX_UNITS).build();

    EmbeddingUnitSimilarity(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public Optional<double[]> of(String question, List<String> texts) {
        if (texts.isEmpty() || question.isBlank()) {
            return Optional.empty();
        }
        try {
            float[] q = embeddings.embedQuestion(question);
            List<String> missing = texts.stream()
                    .filter(t -> units.getIfPresent(t) == null)
                    .distinct()
                    .toList();
            if (!missing.isEmpty()) {
                long started = System.nanoTime();
                List<float[]> found = embeddings.embedAll(missing);
                log.debug(
                        "embedded {} of {} answer units in {} ms",
                        missing.size(),
                        texts.size(),
                        (System.nanoTime() - started) / 1_000_000);
                for (int i = 0; i < missing.size(); i++) {
                    units.put(missing.get(i), found.get(i));
                }
            }
            double[] out = new double[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                float[] u = units.getIfPresent(texts.get(i));
                out[i] = u == null ? 0 : dot(q, u);
            }
            return Optional.of(out);
        } catch (RuntimeException e) {
            log.warn("Answer units not compared by meaning: {}", e.toString());
            return Optional.empty();
        }
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
