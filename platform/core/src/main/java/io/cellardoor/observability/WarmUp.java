package io.cellardoor.observability;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.text.Lexicon;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before the server reports ready (readiness follows the ready event), a serving instance embeds one question (the ONNX
 * model and its tokenizer load; a configured embeddings endpoint answers its first call) and runs one hybrid retrieval for the first org (the query plan, the indexes' first
 * pages) and reads the English word relations' dictionary ({@link Lexicon}), so the first visitor's question is not the
 * one that pays for them. A failure is logged, never fatal. Also
 * the {@code embedding} health component: UP once the model answered, with its dimensions and load time.
 */
@Component("embeddingHealthIndicator")
class WarmUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final String QUESTION = "When are you open, and how much is a tasting?";

    private final Embeddings embeddings;
    private final HybridRetriever retriever;
    private final JdbcClient jdbc;
    private final Lexicon lexicon;
    private final AtomicReference<Health> health = new AtomicReference<>(
            Health.unknown().withDetail("model", "not loaded yet").build());

    WarmUp(Embeddings embeddings, HybridRetriever retriever, JdbcClient jdbc, Lexicon lexicon) {
        this.embeddings = embeddings;
        this.retriever = retriever;
        this.jdbc = jdbc;
        this.lexicon = lexicon;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            warm();
        }
    }

    /** Loads the embedding model and warms retrieval; returns how long it took, in milliseconds. */
    long warm() {
        long started = System.nanoTime();
        float[] embedding;
        try {
            embedding = embeddings.embedQuestion(QUESTION);
            long ms = (System.nanoTime() - started) / 1_000_000;
            health.set(Health.up()
                    .withDetail(
                            "model",
                            embeddings.modelId().isEmpty() ? "in-process:all-minilm-l6-v2" : embeddings.modelId())
                    .withDetail("dimensions", embedding.length)
                    .withDetail("loadMs", ms)
                    .build());
        } catch (RuntimeException e) {
            health.set(Health.down(e).build());
            log.warn("Warm-up: the embedding model did not load: {}", e.toString());
            return (System.nanoTime() - started) / 1_000_000;
        }
        try {
            Optional<Long> org = jdbc.sql("SELECT id FROM org ORDER BY id LIMIT 1")
                    .query(Long.class)
                    .optional();
            org.ifPresent(id -> retriever.retrieve(RetrievalQuery.forOrg(id)
                    .text(QUESTION)
                    .embedding(embedding)
                    .k(5)
                    .build()));
        } catch (RuntimeException e) {
            log.warn("Warm-up: retrieval failed (the database may be down): {}", e.toString());
        }
        lexicon.alternatives("open");
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.info("Warm-up: embedding model, retrieval and word relations ready in {} ms", ms);
        return ms;
    }

    @Override
    public Health health() {
        return health.get();
    }
}
