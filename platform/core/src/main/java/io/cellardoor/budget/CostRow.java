package io.cellardoor.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * LLM cost of one UTC day, provider, model and operation.
 *
 * @param calls model calls
 * @param inputTokens prompt tokens, summed
 * @param outputTokens completion tokens, summed
 * @param costUsd USD, summed
 */
public record CostRow(
        LocalDate day,
        String provider,
        String model,
        String operation,
        long calls,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd) {}
