package io.cellardoor.plugin;

/**
 * A jar in the plugins folder that the host refused to load; it is tried again when the file changes.
 *
 * @param file its file name
 * @param reason why, e.g. that it is not signed by a trusted signer
 */
public record RefusedJar(String file, String reason) {}
