package io.cellardoor.answer;

import org.jspecify.annotations.Nullable;

/**
 * A source of an answer.
 *
 * @param path document path relative to the imported knowledge folder, e.g. {@code visiting/visiting_hours.md}
 * @param title document title
 * @param domain domain id the document's folder belongs to
 * @param score retrieval score of its best passage (not comparable across questions)
 * @param url the document's public page ({@code source_url} in its front matter), or null
 */
public record Citation(
        String path,
        String title,
        String domain,
        double score,
        @Nullable String url) {}
