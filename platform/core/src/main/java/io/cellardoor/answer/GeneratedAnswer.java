package io.cellardoor.answer;

import java.util.List;

/**
 * A generator's answer.
 *
 * @param text the answer (light markdown)
 * @param answered false when the generator declined (no grounded answer)
 * @param sourcePaths document paths the answer used, most important first
 * @param confidence in [0, 1]
 * @param generator which generator produced it: {@code extractive}, {@code llm} or {@code direct}
 */
public record GeneratedAnswer(
        String text, boolean answered, List<String> sourcePaths, double confidence, String generator) {}
