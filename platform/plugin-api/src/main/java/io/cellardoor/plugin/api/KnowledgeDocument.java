package io.cellardoor.plugin.api;

import java.util.Map;

/**
 * A whole knowledge document as imported.
 *
 * @param path path relative to the knowledge folder
 * @param title the first heading, or the file name without extension
 * @param domain the domain id its folder maps to
 * @param text plain text of the whole document (HTML removed, headings and bullets kept)
 * @param metadata front-matter fields, e.g. {@code source_url}
 */
public record KnowledgeDocument(String path, String title, String domain, String text, Map<String, String> metadata) {

    public KnowledgeDocument {
        metadata = Map.copyOf(metadata);
    }
}
