package io.cellardoor.testbench;

import io.cellardoor.answer.Citation;
import io.cellardoor.curated.CuratedMatch;
import io.cellardoor.plugin.Classification;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline makes of a question, shown in the test bench.
 *
 * @param question the question as asked
 * @param stages what each stage of the answer path made of it, in order ({@link BenchStage})
 * @param classification every plugin's score and evidence, the primary and related domains
 * @param chunks the retrieved chunks, fused rank 1 first
 * @param answer the generated answer
 * @param answered false when the pipeline would decline
 * @param generator {@code extractive}, {@code llm}, {@code direct} or {@code guard}
 * @param confidence the generator's confidence in [0, 1]
 * @param citations the citations the chat would show with this answer
 * @param curated the curated answer the chat would give instead, or null when none is close enough
 * @param latencyMs time the dry run took, milliseconds
 * @param ranAt when it ran
 */
public record BenchResult(
        String question,
        List<BenchStage> stages,
        Classification classification,
        List<BenchChunk> chunks,
        String answer,
        boolean answered,
        String generator,
        double confidence,
        List<Citation> citations,
        @Nullable CuratedMatch curated,
        long latencyMs,
        Instant ranAt) {}
