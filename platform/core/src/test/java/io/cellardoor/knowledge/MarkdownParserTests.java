package io.cellardoor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTests {

    private final MarkdownParser parser = new MarkdownParser();

    @Test
    void keepsTitleHeadingPathBulletsAndSourcePath() {
        ParsedDocument doc = parser.parse("visiting/hours.md", """
                # Tasting Room Hours

                ## Weekly schedule

                - **Monday**: Closed
                - **Friday**: 12:00 PM - 7:00 PM

                ### Last call
                Last seating is 45 minutes before closing.
                """);
        assertThat(doc.title()).isEqualTo("Tasting Room Hours");
        assertThat(doc.folder()).isEqualTo("visiting");
        assertThat(doc.chunks()).hasSize(1);
        ParsedDocument.Chunk chunk = doc.chunks().get(0);
        assertThat(chunk.headingPath()).isEqualTo("Weekly schedule");
        assertThat(chunk.text())
                .contains(
                        "- Monday: Closed",
                        "- Friday: 12:00 PM - 7:00 PM",
                        "## Weekly schedule > Last call",
                        "Last seating is 45 minutes before closing.");
    }

    @Test
    void convertsEmbeddedHtmlToTextLines() {
        ParsedDocument doc = parser.parse("wine/red.md", """
                # 2022 Red

                ## Description
                <div>
                <p><strong>WINE NOTES</strong></p>
                <p>Plums&mdash;and ink.<br>Long finish.</p>
                </div>
                """);
        String text = doc.chunks().get(0).text();
        assertThat(text).doesNotContain("<p>", "<div>", "&mdash;", "<strong>");
        assertThat(text.lines().toList()).contains("WINE NOTES", "Plums\u2014and ink.", "Long finish.");
    }

    @Test
    void readsFrontMatterAndMapsFolderNamesWithSpaces() {
        ParsedDocument doc = parser.parse("Wine Club/tiers.md", """
                ---
                source_url: https://example.test/club
                ---
                # Club tiers
                Three tiers.
                """);
        assertThat(doc.metadata()).containsEntry("source_url", "https://example.test/club");
        assertThat(doc.folder()).isEqualTo("wine_club");
    }

    @Test
    void splitsLongSectionsIntoBoundedChunks() {
        String para = "A sentence about the vineyard that goes on for a while. ".repeat(8);
        StringBuilder md = new StringBuilder("# Long\n\n## Part\n\n");
        for (int i = 0; i < 10; i++) {
            md.append(para).append("\n\n");
        }
        List<ParsedDocument.Chunk> chunks =
                parser.parse("about/long.md", md.toString()).chunks();
        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(chunks)
                .allSatisfy(
                        c -> assertThat(c.text().length()).isLessThanOrEqualTo(MarkdownParser.MAX_CHUNK_CHARS + 20));
        assertThat(chunks)
                .extracting(ParsedDocument.Chunk::ordinal)
                .containsExactly(java.util.stream.IntStream.range(0, chunks.size())
                        .boxed()
                        .toArray(Integer[]::new));
    }

    @Test
    void aLabelLineStaysWithTheTextItNamesWhenALongSectionIsSplit() {
        String before = "The fruit was harvested in October and pressed whole cluster. ".repeat(14);
        String after = "This old vine white brims with aromas of wet stone and kumquat. ".repeat(6);
        List<ParsedDocument.Chunk> chunks = parser.parse(
                        "wine/seyval.md",
                        "# Seyval Blanc\n\n## Description\n\n<p>" + before
                                + "</p>\n<p><strong>Tasting notes</strong></p>\n<p>" + after + "</p>\n")
                .chunks();

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).text()).doesNotContain("Tasting notes").endsWith(before.strip());
        assertThat(chunks.get(1).text()).isEqualTo("## Description\nTasting notes\n" + after.strip());
    }

    @Test
    void labelsAreShortNamesWithoutClosingPunctuation() {
        assertThat(TextLines.isLabel("Tasting notes")).isTrue();
        assertThat(TextLines.isLabel("**Wine Information**")).isTrue();
        assertThat(TextLines.isLabel("Open daily.")).isFalse();
        assertThat(TextLines.isLabel("Price: $30.00")).isFalse();
        assertThat(TextLines.isLabel("Directions:")).isFalse();
        assertThat(TextLines.isLabel("Take the Taconic State Parkway north")).isFalse();
        assertThat(TextLines.isLabel("Route 9G")).isFalse();
        assertThat(TextLines.isLabel("")).isFalse();
        assertThat(TextLines.isCapitalisedLabel("WINE NOTES")).isTrue();
        assertThat(TextLines.isCapitalisedLabel("Tasting Notes:")).isTrue();
        assertThat(TextLines.isCapitalisedLabel("Tasting notes")).isFalse();
        assertThat(TextLines.isCapitalisedLabel("Open Daily.")).isFalse();
    }

    @Test
    void rejectsBrokenFrontMatterAndEmptyFilesWithTheirPath() {
        assertThatThrownBy(() -> parser.parse("a/broken.md", "---\ntitle: [unclosed\n---\n# T\ntext"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("a/broken.md");
        assertThatThrownBy(() -> parser.parse("a/empty.md", "   \n"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("no text");
    }

    @Test
    void parsesEveryFileOfTheRealMileaKnowledgeWithoutHtmlLeftOver() throws Exception {
        String shared = System.getenv("CELLARDOOR_SHARED_DATA");
        java.nio.file.Path root = (shared != null && !shared.isBlank()
                        ? java.nio.file.Path.of(shared)
                        : java.nio.file.Path.of(System.getProperty("cellardoor.repo.root", "../.."))
                                .resolve("../shared/data"))
                .resolve("milea-knowledge")
                .normalize();
        assertThat(root)
                .as("the shared data (CELLARDOOR_SHARED_DATA, else ../shared/data beside the repository)")
                .isDirectory();
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).toList();
        }
        int chunks = 0;
        for (java.nio.file.Path f : files) {
            ParsedDocument doc = parser.parse(root.relativize(f).toString(), java.nio.file.Files.readString(f));
            chunks += doc.chunks().size();
            assertThat(doc.chunks())
                    .allSatisfy(c -> assertThat(c.text()).doesNotContainPattern("</?(p|div|span|strong)>"));
        }
        assertThat(files).hasSize(291);
        System.out.println("milea: " + files.size() + " files, " + chunks + " chunks");
        assertThat(chunks).isBetween(291, 3000);
    }
}
