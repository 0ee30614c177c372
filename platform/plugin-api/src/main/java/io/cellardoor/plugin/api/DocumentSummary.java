package io.cellardoor.plugin.api;

/**
 * A document's path and title.
 *
 * @param path path relative to the knowledge folder
 * @param title the document's title
 */
public record DocumentSummary(String path, String title) {}
