package io.cellardoor.answer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * At start-up, one cheap call per provider, in the background: the API's model list ({@code GET /models}, no tokens
 * spent). The outcome is logged, never fatal, and not counted on the breaker (a list call failing says little about
 * answers).
 */
final class LlmStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(LlmStartupCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final LlmProviders providers;

    LlmStartupCheck(LlmProviders providers) {
        this.providers = providers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (providers.all().isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("llm-startup-check").start(() -> providers.all().forEach(this::check));
    }

    private void check(LlmProvider provider) {
        LlmProperties.Provider p = provider.config();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder().timeout(TIMEOUT).GET();
            String key = p.apiKey() == null ? "" : p.apiKey();
            switch (p.kind()) {
                case OPENAI, OLLAMA ->
                    request.uri(URI.create(trim(p.baseUrl()) + "/models")).header("Authorization", "Bearer " + key);
                case ANTHROPIC ->
                    request.uri(URI.create(trim(p.baseUrl() == null ? "https://api.anthropic.com/v1" : p.baseUrl())
                                    + "/models"))
                            .header("x-api-key", key)
                            .header("anthropic-version", "2023-06-01");
                case GEMINI ->
                    request.uri(URI.create(trim(
                                            p.baseUrl() == null
                                                    ? "https://generativelanguage.googleapis.com/v1beta"
                                                    : p.baseUrl())
                                    + "/models"))
                            .header("x-goog-api-key", key);
            }
            long started = System.nanoTime();
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (status / 100 == 2) {
                log.info(
                        "LLM provider '{}' ({}) reachable: {} in {} ms", provider.name(), provider.model(), status, ms);
            } else {
                log.warn(
                        "LLM provider '{}' ({}) answered {} to its health call",
                        provider.name(),
                        provider.model(),
                        status);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn(
                    "LLM provider '{}' ({}) unreachable at start-up: {}",
                    provider.name(),
                    provider.model(),
                    e.toString());
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
