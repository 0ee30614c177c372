package io.cellardoor.answer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A generator's answer.
 *
 * @param text the answer (light markdown)
 * @param answered false when the generator declined (no grounded answer)
 * @param sourcePaths document paths the answer used, most important first
 * @param confidence in [0, 1]
 * @param generator which generator produced it: {@code extractive}, {@code llm}, {@code direct}, {@code curated},
 *     {@code cache} or {@code guard}
 * @param inputTokens prompt tokens the model counted (0 when no model was called)
 * @param outputTokens completion tokens the model counted (0 when no model was called)
 * @param model the model's name as the provider reported it, or null when no model was called
 */
public record GeneratedAnswer(
        String text,
        boolean answered,
        List<String> sourcePaths,
        double confidence,
        String generator,
        int inputTokens,
        int outputTokens,
        @Nullable String model) {

    public GeneratedAnswer {
        sourcePaths = List.copyOf(sourcePaths);
    }

    /** An answer made without a model (no tokens). */
    public GeneratedAnswer(
            String text, boolean answered, List<String> sourcePaths, double confidence, String generator) {
        this(text, answered, sourcePaths, confidence, generator, 0, 0, null);
    }
}
