package io.cellardoor.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Limits on what a request may be, set explicitly for every endpoint (OWASP LLM10, unbounded consumption): body sizes
 * per route ({@link RequestSizeFilter}), and for JSON a nesting depth of {@value #MAX_JSON_DEPTH}, documents of at
 * most {@value #MAX_JSON_BYTES} bytes and strings of at most {@value #MAX_JSON_STRING} characters. Header sizes are the
 * server's ({@code server.max-http-request-header-size}, 16 KB in application.yml). Strings read from JSON lose ASCII
 * control characters other than tab, line feed and carriage return (a NUL cannot be stored in PostgreSQL text).
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

    /** Deepest JSON nesting accepted (the API's bodies are at most three levels deep). */
    static final int MAX_JSON_DEPTH = 32;
    /** Largest JSON document parsed, in bytes. */
    static final long MAX_JSON_BYTES = 4_000_000;
    /** Longest JSON string, in characters. */
    static final int MAX_JSON_STRING = 2_000_000;

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_DEPTH)
                .maxDocumentLength(MAX_JSON_BYTES)
                .maxStringLength(MAX_JSON_STRING)
                .maxNumberLength(100)
                .maxNameLength(1_000)
                .build());
    }

    @Bean
    JsonMapperBuilderCustomizer controlCharactersStripped() {
        return mapper -> mapper.addModule(
                new SimpleModule("cellardoor-input").addDeserializer(String.class, new PrintableStrings()));
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter() {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** JSON strings without ASCII control characters other than tab, line feed and carriage return. */
    static final class PrintableStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            return value == null ? null : strip(value);
        }

        static String strip(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (unwanted(value.charAt(i))) {
                    StringBuilder out = new StringBuilder(value.length());
                    value.chars().filter(c -> !unwanted((char) c)).forEach(c -> out.append((char) c));
                    return out.toString();
                }
            }
            return value;
        }

        private static boolean unwanted(char c) {
            return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
        }
    }
}
