package io.cellardoor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Zip and file handling of uploads: paths, zip slip, what is skipped, and the limits. */
class UploadReaderTests {

    final UploadReader reader = new UploadReader(new UploadLimits(10, 1_000, 5_000));

    @Test
    void zipFoldersAreKeptBelowTheChosenFolder() {
        UploadReader.Batch batch = reader.read(
                "wine",
                List.of(zip(
                        "cellar.zip",
                        Map.of(
                                "reds/cab-franc.md",
                                "# Cab Franc",
                                "whites/riesling.md",
                                "# Riesling",
                                "./rose.md",
                                "# Rose"))));

        assertThat(batch.documents())
                .containsOnlyKeys("wine/reds/cab-franc.md", "wine/whites/riesling.md", "wine/rose.md");
        assertThat(new String(batch.documents().get("wine/reds/cab-franc.md"), StandardCharsets.UTF_8))
                .isEqualTo("# Cab Franc");
        assertThat(batch.skipped()).isEmpty();
    }

    @Test
    void zipSlipEntriesAreSkippedAndReportedByPathWhileTheRestIsRead() {
        UploadReader.Batch batch = reader.read(
                "",
                List.of(zip(
                        "evil.zip",
                        Map.of(
                                "../outside.md",
                                "# x",
                                "a/../../up.md",
                                "# x",
                                "/etc/abs.md",
                                "# x",
                                "C:\\win.md",
                                "# x",
                                "ok/fine.md",
                                "# Fine"))));

        assertThat(batch.documents()).containsOnlyKeys("ok/fine.md");
        assertThat(batch.skipped())
                .extracting(ImportReport.Failure::path)
                .containsExactlyInAnyOrder(
                        "evil.zip!../outside.md",
                        "evil.zip!a/../../up.md",
                        "evil.zip!/etc/abs.md",
                        "evil.zip!C:\\win.md");
        assertThat(batch.skipped()).allSatisfy(f -> assertThat(f.reason()).startsWith("unsafe path"));
    }

    @Test
    void nonMarkdownReadmeHiddenAndOversizedFilesAreSkippedWithTheirReason() {
        UploadReader.Batch batch = reader.read(
                "",
                List.of(
                        zip(
                                "mixed.zip",
                                Map.of(
                                        "photo.jpg",
                                        "jpeg",
                                        "README.md",
                                        "# About",
                                        "__MACOSX/._a.md",
                                        "x",
                                        "big.md",
                                        "x".repeat(1_001),
                                        "a.md",
                                        "# A")),
                        new UploadedFile("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))));

        assertThat(batch.documents()).containsOnlyKeys("a.md");
        assertThat(batch.skipped())
                .extracting(f -> f.path() + " -> " + f.reason())
                .containsExactlyInAnyOrder(
                        "mixed.zip!photo.jpg -> not a markdown (.md) file",
                        "mixed.zip!README.md -> README files describe a folder and are not imported",
                        "mixed.zip!__MACOSX/._a.md -> hidden or system file",
                        "mixed.zip!big.md -> larger than 1000 bytes",
                        "notes.txt -> not a markdown (.md) file");
    }

    @Test
    void plainFilesKeepTheirRelativePathAndTheLaterOfTwoSamePathsWins() {
        UploadReader.Batch batch = reader.read(
                "events",
                List.of(
                        new UploadedFile("weddings.md", "# One".getBytes(StandardCharsets.UTF_8)),
                        new UploadedFile("2027/gala.md", "# Gala".getBytes(StandardCharsets.UTF_8)),
                        new UploadedFile("weddings.md", "# Two".getBytes(StandardCharsets.UTF_8))));

        assertThat(batch.documents()).containsOnlyKeys("events/weddings.md", "events/2027/gala.md");
        assertThat(new String(batch.documents().get("events/weddings.md"), StandardCharsets.UTF_8))
                .isEqualTo("# Two");
    }

    @Test
    void aBrokenZipIsReportedAndTheOtherFilesAreRead() {
        UploadReader.Batch batch = reader.read(
                "",
                List.of(
                        new UploadedFile("broken.zip", "this is not a zip".getBytes(StandardCharsets.UTF_8)),
                        new UploadedFile("a.md", "# A".getBytes(StandardCharsets.UTF_8))));

        assertThat(batch.documents()).containsOnlyKeys("a.md");
        assertThat(batch.skipped())
                .singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("broken.zip"));
    }

    @Test
    void moreFilesThanAllowedRefuseTheWholeUpload() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("f" + i + ".md", "# " + i);
        }
        assertThatThrownBy(() -> reader.read("", List.of(zip("many.zip", entries))))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.tooLarge()).isTrue())
                .hasMessageContaining("more than 10 files");
    }

    @Test
    void aZipThatUnpacksBeyondTheTotalLimitIsRefused() {
        // 6 entries of 999 bytes each (each under the file limit) unpack to more than 5000 bytes in total.
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            entries.put("f" + i + ".md", "0".repeat(999));
        }
        assertThatThrownBy(() -> reader.read("", List.of(zip("bomb.zip", entries))))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.tooLarge()).isTrue())
                .hasMessageContaining("5000 bytes");
    }

    @Test
    void aFolderOutsideTheKnowledgeIsRefused() {
        for (String folder : List.of("../x", "/abs", "a/../../b")) {
            assertThatThrownBy(() -> reader.read(folder, List.of(new UploadedFile("a.md", new byte[] {'#'}))))
                    .as(folder)
                    .isInstanceOfSatisfying(
                            UploadRejectedException.class,
                            e -> assertThat(e.tooLarge()).isFalse());
        }
    }

    @Test
    void safePathNormalisesSeparatorsAndDotSegments() {
        assertThat(UploadReader.safePath("a\\b/./c.md")).isEqualTo("a/b/c.md");
        assertThat(UploadReader.safePath("a//b.md")).isEqualTo("a/b.md");
        assertThat(UploadReader.safePath("a/../b.md")).isNull();
        assertThat(UploadReader.safePath("a\u0000b.md")).isNull();
        assertThat(UploadReader.safePath("./")).isNull();
    }

    static UploadedFile zip(String name, Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UploadedFile(name, bytes.toByteArray());
    }
}
