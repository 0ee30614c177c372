package io.cellardoor.knowledge;

import java.util.Locale;

/** Normalises knowledge folder names so {@code Wine Club}, {@code wine_club} and {@code wine-club} are one. */
public final class Folders {

    private Folders() {}

    /** Lower-cases and turns runs of spaces, hyphens and underscores into one underscore. */
    public static String normalise(String folder) {
        return folder.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    /** The normalised top folder of a relative path, or {@code ""} for a file at the root. */
    public static String topFolderOf(String relativePath) {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? "" : normalise(relativePath.substring(0, slash));
    }
}
