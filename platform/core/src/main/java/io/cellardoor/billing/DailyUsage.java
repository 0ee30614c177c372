package io.cellardoor.billing;

import java.time.LocalDate;

/** Messages counted on one UTC day. */
public record DailyUsage(LocalDate day, long messages) {}
