package io.cellardoor.embedding;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which embedding model the platform uses ({@code cellardoor.embedding.*}). Every model must give 384 dimensions (the
 * {@code vector(384)} columns). Changing the model re-embeds an org's knowledge at its next import (chunk hashes carry
 * the model's id).
 *
 * @param provider {@code in-process} (default: all-MiniLM-L6-v2, English, no network, see {@code model}),
 *     {@code openai} (any OpenAI-compatible embeddings endpoint, e.g. a multilingual model asked for 384 dimensions) or
 *     {@code onnx} (an ONNX sentence-transformer and its HuggingFace tokenizer.json from files, e.g.
 *     paraphrase-multilingual-MiniLM-L12-v2)
 * @param baseUrl for {@code openai}: e.g. {@code https://api.openai.com/v1}
 * @param apiKey for {@code openai}
 * @param model for {@code openai}: the model name, e.g. {@code text-embedding-3-small}; for {@code in-process}:
 *     {@code all-minilm-l6-v2-q} (quantized to 8-bit integers, the default: a question in 2.3 ms against 5.6,
 *     vectors at cosine 0.99 to the full model's, docs/decisions/0067) or {@code all-minilm-l6-v2} (full precision)
 * @param modelPath for {@code onnx}: the model file
 * @param tokenizerPath for {@code onnx}: the tokenizer.json file
 * @param queryPrefix text put before questions (e5 models expect {@code "query: "}), empty by default
 * @param passagePrefix text put before knowledge chunks (e5 models expect {@code "passage: "}), empty by default
 * @param cacheSize questions whose embeddings are kept in memory (LRU); 0 turns it off (default 10,000)
 * @param threads for {@code in-process}: threads one embedding runs on (ONNX intra-op threads, default 1); they do not
 *     spin while idle, so on a small machine they leave the cores to the database and the other requests
 */
@ConfigurationProperties("cellardoor.embedding")
public record EmbeddingProperties(
        @Nullable String provider,
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @Nullable String model,
        @Nullable Path modelPath,
        @Nullable Path tokenizerPath,
        @Nullable String queryPrefix,
        @Nullable String passagePrefix,
        @Nullable Integer cacheSize,
        @Nullable Integer threads) {

    /** ONNX intra-op threads of the in-process model: {@code threads} when positive, else 1. */
    public int threadsOrDefault() {
        return threads == null || threads < 1 ? 1 : threads;
    }

    /** The provider, {@code in-process} when unset. */
    public String providerOrDefault() {
        return provider == null || provider.isBlank() ? "in-process" : provider.strip();
    }

    /**
     * The in-process model's name: {@code model} when set, else the quantized all-MiniLM-L6-v2.
     *
     * @throws IllegalArgumentException when {@code model} names neither in-process model
     */
    public String inProcessModel() {
        if (model == null || model.isBlank()) {
            return InProcessMiniLm.QUANTIZED;
        }
        String name = model.strip();
        if (!name.equals(InProcessMiniLm.FULL) && !name.equals(InProcessMiniLm.QUANTIZED)) {
            throw new IllegalArgumentException("cellardoor.embedding.model must be " + InProcessMiniLm.FULL + " or "
                    + InProcessMiniLm.QUANTIZED + " for the in-process provider, not " + name);
        }
        return name;
    }

    /**
     * The id of the configured model, stored in every chunk's hash: empty for the full-precision in-process model (so
     * hashes written before models were configurable stay valid), else e.g. {@code in-process:all-minilm-l6-v2-q} or
     * {@code openai:text-embedding-3-small}.
     */
    public String modelId() {
        return switch (providerOrDefault()) {
            case "in-process" -> inProcessModel().equals(InProcessMiniLm.FULL) ? "" : "in-process:" + inProcessModel();
            case "openai" -> "openai:" + model;
            case "onnx" -> "onnx:" + (modelPath == null ? "" : modelPath.getFileName());
            default ->
                throw new IllegalArgumentException(
                        "cellardoor.embedding.provider must be in-process, openai or onnx, not " + provider);
        };
    }
}
