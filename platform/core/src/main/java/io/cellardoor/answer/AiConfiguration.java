package io.cellardoor.answer;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.TermAnalyzer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The answer generators' wiring: the LLM (when configured), the extractive generator, the condenser. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnswerProperties.class)
class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

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
