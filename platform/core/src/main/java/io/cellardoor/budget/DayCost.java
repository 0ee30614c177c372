package io.cellardoor.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

/** LLM cost of one UTC day, USD. */
public record DayCost(LocalDate day, BigDecimal costUsd) {}
