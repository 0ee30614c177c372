package io.cellardoor.knowledge;

/**
 * Published after an import embedded chunks through an embeddings API that bills per token (not a model run in
 * process), whether or not the import then committed: the provider was paid either way.
 *
 * @param provider the endpoint's host
 * @param model the embedding model's name
 * @param inputTokens the tokens the provider reported for the import's batches
 */
public record KnowledgeEmbedded(long orgId, String provider, String model, int inputTokens) {}
