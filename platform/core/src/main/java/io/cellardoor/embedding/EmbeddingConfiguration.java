package io.cellardoor.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedding model, from {@code cellardoor.embedding.*} ({@link EmbeddingProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingProperties.class)
class EmbeddingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingConfiguration.class);

    /**
     * The embedding model ({@code cellardoor.embedding.provider}): all-MiniLM-L6-v2 in process (ONNX, 384 dimensions,
     * English, no network) by default; any OpenAI-compatible embeddings endpoint asked for 384 dimensions; or an ONNX
     * sentence-transformer from files (mean pooling), e.g. a multilingual one.
     */
    @Bean
    EmbeddingModel embeddingModel(EmbeddingProperties properties) {
        String provider = properties.providerOrDefault();
        log.info(
                "Embeddings: {}",
                provider.equals("in-process") ? properties.inProcessModel() + " in process" : properties.modelId());
        return switch (provider) {
            case "in-process" -> new InProcessMiniLm(properties.inProcessModel(), properties.threadsOrDefault());
            case "openai" ->
                OpenAiEmbeddingModel.builder()
                        .baseUrl(properties.baseUrl())
                        .apiKey(properties.apiKey() == null ? "none" : properties.apiKey())
                        .modelName(properties.model())
                        .dimensions(Embeddings.DIMENSIONS)
                        .timeout(Duration.ofSeconds(30))
                        .maxRetries(2)
                        .build();
            case "onnx" ->
                new OnnxEmbeddingModel(
                        String.valueOf(properties.modelPath()),
                        String.valueOf(properties.tokenizerPath()),
                        PoolingMode.MEAN);
            default ->
                throw new IllegalArgumentException(
                        "cellardoor.embedding.provider must be in-process, openai or onnx, not " + provider);
        };
    }
}
