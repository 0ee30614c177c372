package io.cellardoor.plugin;

import java.util.List;

/**
 * One plugin's verdict on a query.
 *
 * @param domain domain id
 * @param score in [0, 1]
 * @param evidence why, e.g. matched terms
 */
public record DomainScore(String domain, double score, List<String> evidence) {}
