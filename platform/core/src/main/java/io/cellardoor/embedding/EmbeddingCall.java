package io.cellardoor.embedding;

/**
 * One call to an embedding model that is billed per token (an embeddings API, not a model run in process), with the
 * token count the provider reported.
 *
 * @param provider the endpoint's host, e.g. {@code api.openai.com}
 * @param model the model name ({@code cellardoor.embedding.model}), priced by {@code cellardoor.llm.prices.<model>}
 * @param inputTokens tokens the provider counted for the call's texts
 */
public record EmbeddingCall(String provider, String model, int inputTokens) {}
