package io.cellardoor.budget;

/**
 * One model call of a turn, with the provider's real token counts.
 *
 * @param operation {@code answer}, {@code condense} or {@code embed}
 * @param provider e.g. {@code api.openai.com}
 * @param model the model's name as reported
 */
public record LlmCall(String operation, String provider, String model, int inputTokens, int outputTokens) {

    public static final String ANSWER = "answer";
    public static final String CONDENSE = "condense";
    public static final String EMBED = "embed";
}
