package io.cellardoor.plugin.api;

/**
 * A retrieved chunk of a document.
 *
 * @param path document path relative to the knowledge folder, e.g. {@code visiting/visiting_hours.md}
 * @param title the document's title
 * @param domain the document's domain id
 * @param headingPath headings above the chunk joined by {@code " > "}, empty for the preamble
 * @param text the chunk's plain text (HTML removed, markdown bullets kept)
 * @param score fused relevance, higher is better (not comparable across queries)
 */
public record Passage(String path, String title, String domain, String headingPath, String text, double score) {}
