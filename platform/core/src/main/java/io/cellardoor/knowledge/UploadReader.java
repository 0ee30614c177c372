package io.cellardoor.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Turns uploaded files (markdown files and zips of them) into documents to import below a folder, refusing what must
 * not be imported: entries whose path leaves the folder (zip slip), files that are not markdown, README files, files
 * over the size limit. Those are skipped and reported by path; the whole upload is refused only when it has too many
 * files or bytes. Nothing is written to disk: paths only name documents.
 */
final class UploadReader {

    /**
     * Documents read from an upload.
     *
     * @param documents path (below the folder, forward slashes) to bytes, in upload order; a later file of the same
     *     path replaces an earlier one
     * @param skipped what was not imported and why
     */
    record Batch(Map<String, byte[]> documents, List<ImportReport.Failure> skipped) {}

    private final UploadLimits limits;

    UploadReader(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads the files of one upload.
     *
     * @param folder the folder to import into, {@code ""} for the root; a relative path like {@code wine/reds}
     * @throws UploadRejectedException when the folder is unsafe, or the upload has more files or bytes than allowed
     */
    Batch read(String folder, List<UploadedFile> files) {
        String base = folder.isBlank() ? "" : safePath(folder.strip());
        if (base == null) {
            throw new UploadRejectedException(
                    "The folder '" + folder + "' is not a relative path inside the knowledge.", false);
        }
        Map<String, byte[]> documents = new LinkedHashMap<>();
        List<ImportReport.Failure> skipped = new ArrayList<>();
        Budget budget = new Budget();
        for (UploadedFile file : files) {
            if (file.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                readZip(base, file, documents, skipped, budget);
            } else {
                budget.count(file.name());
                budget.add(file.bytes().length);
                accept(base, file.name(), file.name(), file.bytes(), file.bytes().length, documents, skipped);
            }
        }
        return new Batch(documents, List.copyOf(skipped));
    }

    private void readZip(
            String base,
            UploadedFile zip,
            Map<String, byte[]> documents,
            List<ImportReport.Failure> skipped,
            Budget budget) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            boolean any = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                any = true;
                if (entry.isDirectory()) {
                    continue;
                }
                String label = zip.name() + "!" + entry.getName();
                budget.count(label);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                long size = copyBounded(in, content, budget);
                accept(base, entry.getName(), label, content.toByteArray(), size, documents, skipped);
            }
            if (!any) {
                skipped.add(new ImportReport.Failure(zip.name(), "not a zip archive, or an empty one"));
            }
        } catch (IOException e) {
            skipped.add(new ImportReport.Failure(zip.name(), "not a readable zip archive: " + e.getMessage()));
        }
    }

    /** Copies an entry, keeping at most maxFileBytes + 1 bytes and counting every byte against the upload's total. */
    private long copyBounded(InputStream in, ByteArrayOutputStream out, Budget budget) throws IOException {
        byte[] buffer = new byte[8192];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            budget.add(n);
            if (size <= limits.maxFileBytes()) {
                out.write(buffer, 0, (int) Math.min(n, limits.maxFileBytes() + 1 - size));
            }
            size += n;
        }
        return size;
    }

    private void accept(
            String base,
            String name,
            String label,
            byte[] bytes,
            long size,
            Map<String, byte[]> documents,
            List<ImportReport.Failure> skipped) {
        String relative = safePath(name);
        String fileName = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1);
        if (relative == null) {
            skipped.add(new ImportReport.Failure(label, "unsafe path: it would leave the upload's folder"));
        } else if (fileName.startsWith(".") || relative.startsWith("__MACOSX/")) {
            skipped.add(new ImportReport.Failure(label, "hidden or system file"));
        } else if (!fileName.toLowerCase(Locale.ROOT).endsWith(".md")) {
            skipped.add(new ImportReport.Failure(label, "not a markdown (.md) file"));
        } else if (fileName.equalsIgnoreCase("README.md")) {
            skipped.add(new ImportReport.Failure(label, "README files describe a folder and are not imported"));
        } else if (size > limits.maxFileBytes()) {
            skipped.add(new ImportReport.Failure(label, "larger than %d bytes".formatted(limits.maxFileBytes())));
        } else {
            documents.put(base.isEmpty() ? relative : base + "/" + relative, bytes);
        }
    }

    /**
     * The path with forward slashes and without {@code .} segments, or null when it is absolute, names a drive, has a
     * {@code ..} segment or a control character, i.e. could leave the folder it is placed in.
     */
    static @Nullable String safePath(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return null;
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    /** Counts files and bytes of one upload against the limits. */
    private final class Budget {

        private int files;
        private long bytes;

        void count(String label) {
            if (++files > limits.maxFiles()) {
                throw new UploadRejectedException(
                        "The upload has more than %d files (at %s).".formatted(limits.maxFiles(), label), true);
            }
        }

        void add(long n) {
            bytes += n;
            if (bytes > limits.maxTotalBytes()) {
                throw new UploadRejectedException(
                        "The upload unpacks to more than %d bytes.".formatted(limits.maxTotalBytes()), true);
            }
        }
    }
}
