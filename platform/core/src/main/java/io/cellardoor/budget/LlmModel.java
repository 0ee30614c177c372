package io.cellardoor.budget;

/**
 * A model the answer path may call.
 *
 * @param provider who serves it, e.g. the API's host ({@code api.openai.com})
 * @param model its name, e.g. {@code gpt-4o-mini}
 */
public record LlmModel(String provider, String model) {}
