package io.cellardoor.knowledge;

/**
 * A file as staff uploaded it: a markdown file or a zip of them.
 *
 * @param name the file name the client sent; may carry a relative path ({@code wine/reds.md}), which is kept below the
 *     upload's folder
 * @param bytes the file's content
 */
public record UploadedFile(String name, byte[] bytes) {}
