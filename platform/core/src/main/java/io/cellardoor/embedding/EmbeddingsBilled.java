package io.cellardoor.embedding;

/**
 * Published when an org's work outside a chat turn paid an embeddings API (an import's batches, a curated answer's
 * question): the call goes on the org's LLM cost without a message. A chat turn's own calls go with its message instead.
 *
 * @param call the provider, model and the tokens it reported (an import's batches summed)
 */
public record EmbeddingsBilled(long orgId, EmbeddingCall call) {}
