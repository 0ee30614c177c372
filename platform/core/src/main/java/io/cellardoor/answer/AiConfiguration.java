package io.cellardoor.answer;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.cellardoor.embedding.EmbeddingProperties;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** All AI wiring in one place: the embedding model and the answer generator. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AnswerProperties.class, EmbeddingProperties.class})
class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

    /**
     * The embedding model ({@code cellardoor.embedding.provider}): all-MiniLM-L6-v2 in process (ONNX, 384 dimensions,
     * English, no network) by default; any OpenAI-compatible embeddings endpoint asked for 384 dimensions; or an ONNX
     * sentence-transformer from files (mean pooling), e.g. a multilingual one.
     */
    @Bean
    EmbeddingModel embeddingModel(EmbeddingProperties properties) {
        String provider = properties.providerOrDefault();
        log.info(
                "Embeddings: {}", provider.equals("in-process") ? "all-MiniLM-L6-v2 in process" : properties.modelId());
        return switch (provider) {
            case "in-process" -> new AllMiniLmL6V2EmbeddingModel();
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

    /** The model that condenses follow-ups into standalone questions, when an LLM is configured. */
    @Bean
    QuestionCondenser questionCondenser(AnswerProperties properties) {
        AnswerProperties.Llm llm = properties.llm();
        if (llm == null || !llm.configured()) {
            return QuestionCondenser.NONE;
        }
        return new LlmQuestionCondenser(OpenAiChatModel.builder()
                .baseUrl(llm.baseUrl())
                .apiKey(llm.apiKey() == null ? "none" : llm.apiKey())
                .modelName(llm.model())
                .timeout(Duration.ofSeconds(10))
                .temperature(0.0)
                .maxRetries(1)
                .build());
    }

    @Bean
    AnswerGenerator answerGenerator(AnswerProperties properties, TermAnalyzer analyzer, CorpusStatistics corpus) {
        var extractive = new ExtractiveAnswerGenerator(analyzer, corpus::of, properties.confidenceThreshold());
        AnswerProperties.Llm llm = properties.llm();
        if (llm == null || !llm.configured()) {
            log.info("Answers: extractive (no LLM configured)");
            return extractive;
        }
        log.info("Answers: LLM {} at {}, extractive fallback", llm.model(), llm.baseUrl());
        var model = OpenAiStreamingChatModel.builder()
                .baseUrl(llm.baseUrl())
                .apiKey(llm.apiKey() == null ? "none" : llm.apiKey())
                .modelName(llm.model())
                .timeout(llm.timeout() == null ? Duration.ofSeconds(60) : llm.timeout())
                .temperature(0.1)
                .build();
        return new LlmAnswerGenerator(
                model,
                extractive,
                Math.max(1, llm.maxAttempts()),
                llm.backoff() == null ? Duration.ofMillis(500) : llm.backoff());
    }
}
