package io.cellardoor.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A markdown file turned into plain-text sections, ready to chunk.
 *
 * @param path path relative to the knowledge folder, with forward slashes
 * @param folder the normalised top folder (see {@link Folders#normalise(String)})
 * @param title first level-1 heading, else the first heading, else the file name
 * @param markdown the file's content as read
 * @param plainText the whole document as plain text
 * @param metadata front-matter fields as strings, e.g. {@code source_url}
 * @param chunks the document's chunks in order
 */
public record ParsedDocument(
        String path,
        String folder,
        String title,
        String markdown,
        String plainText,
        Map<String, String> metadata,
        List<Chunk> chunks) {

    /**
     * A piece of a document small enough to embed.
     *
     * @param ordinal position in the document, from 0
     * @param headingPath headings above the chunk joined by {@code " > "} (title excluded)
     * @param text plain text with bullets kept, one line per paragraph, bullet or table row
     */
    public record Chunk(int ordinal, String headingPath, String text) {

        /** The text that is embedded and hashed: title, heading path and body. */
        public String embeddingText(String title) {
            return headingPath.isEmpty() ? title + "\n" + text : title + " > " + headingPath + "\n" + text;
        }
    }
}
