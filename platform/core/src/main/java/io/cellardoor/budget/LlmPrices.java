package io.cellardoor.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LLM price table ({@code cellardoor.llm.prices.<model>.input-per-mtok} / {@code output-per-mtok}, USD per million
 * tokens). A model name with dots is written in brackets: {@code cellardoor.llm.prices.[gpt-4.1-mini].input-per-mtok}.
 * A reported model name matches its own entry, else the longest entry it starts with (providers report
 * {@code gpt-4o-mini-2024-07-18} for {@code gpt-4o-mini}).
 *
 * @param prices per model name
 */
@ConfigurationProperties("cellardoor.llm")
public record LlmPrices(@Nullable Map<String, Price> prices) {

    public LlmPrices {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /**
     * One model's prices.
     *
     * @param inputPerMtok USD per million prompt tokens
     * @param outputPerMtok USD per million completion tokens
     */
    public record Price(
            @Nullable BigDecimal inputPerMtok, @Nullable BigDecimal outputPerMtok) {

        public Price {
            inputPerMtok = inputPerMtok == null ? BigDecimal.ZERO : inputPerMtok;
            outputPerMtok = outputPerMtok == null ? BigDecimal.ZERO : outputPerMtok;
        }
    }

    /** The price of a model as reported by the provider, if the table has one. */
    public Optional<Price> of(String model) {
        Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.entrySet().stream()
                .filter(e -> model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** USD for these token counts (6 decimals); zero for a model without a price. */
    public BigDecimal cost(String model, long inputTokens, long outputTokens) {
        return of(model)
                .map(p -> p.inputPerMtok()
                        .multiply(BigDecimal.valueOf(inputTokens))
                        .add(p.outputPerMtok().multiply(BigDecimal.valueOf(outputTokens)))
                        .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP))
                .orElse(BigDecimal.ZERO.setScale(6));
    }
}
