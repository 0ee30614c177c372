package io.cellardoor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns a markdown file into plain-text chunks split by headings.
 *
 * <p>Embedded HTML is converted to text with jsoup (block elements become lines); emphasis and links
 * keep their text; bullets keep a {@code "- "} prefix and table rows become {@code "a | b"} lines so
 * answers can quote them. Consecutive small sections are merged up to {@link #MAX_CHUNK_CHARS}; larger
 * sections are split at line boundaries, a label line ("Tasting notes") staying with the text after it. Bare URLs and the remains of image links are dropped. YAML front matter between {@code ---} lines becomes metadata.
 * Thread-safe.
 */
public final class MarkdownParser {

    /** Upper bound of a chunk's text, in characters (all-MiniLM-L6-v2 reads about 256 word pieces). */
    public static final int MAX_CHUNK_CHARS = 1000;

    /** Consecutive sections are merged into one chunk while together they stay under this many characters. */
    static final int MERGE_CHARS = 450;

    private final Parser parser =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /**
     * Parses one file.
     *
     * @param path path relative to the knowledge folder, forward slashes
     * @param markdown the file's content
     * @throws InvalidDocumentException when the front matter is not valid YAML or the file has no text
     */
    public ParsedDocument parse(String path, String markdown) {
        String body = markdown.replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> metadata = new LinkedHashMap<>();
        if (body.startsWith("---\n")) {
            int end = body.indexOf("\n---", 4);
            if (end < 0) {
                throw new InvalidDocumentException(path, "front matter opened with --- is never closed");
            }
            metadata.putAll(frontMatter(path, body.substring(4, end)));
            int next = body.indexOf('\n', end + 4);
            body = next < 0 ? "" : body.substring(next + 1);
        }
        List<Section> sections = sections(parser.parse(body));
        String title = metadata.getOrDefault("title", "");
        if (title.isBlank()) {
            title = sections.stream()
                    .filter(s -> s.level == 1 && !s.heading.isBlank())
                    .map(s -> s.heading)
                    .findFirst()
                    .orElse(sections.stream()
                            .map(s -> s.heading)
                            .filter(h -> !h.isBlank())
                            .findFirst()
                            .orElse(fileTitle(path)));
        }
        StringBuilder plain = new StringBuilder();
        for (Section s : sections) {
            if (!s.heading.isBlank()) {
                plain.append("#".repeat(Math.max(1, s.level)))
                        .append(' ')
                        .append(s.heading)
                        .append('\n');
            }
            s.lines.forEach(l -> plain.append(l).append('\n'));
        }
        List<ParsedDocument.Chunk> chunks = chunk(sections, title);
        if (chunks.isEmpty()) {
            throw new InvalidDocumentException(path, "no text to index");
        }
        return new ParsedDocument(
                path,
                Folders.topFolderOf(path),
                title,
                markdown,
                plain.toString().strip(),
                metadata,
                chunks);
    }

    private static Map<String, String> frontMatter(String path, String yaml) {
        try {
            Object loaded = new Yaml().load(yaml);
            Map<String, String> out = new LinkedHashMap<>();
            if (loaded instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            } else if (loaded != null) {
                throw new InvalidDocumentException(path, "front matter is not a key: value map");
            }
            return out;
        } catch (YAMLException e) {
            throw new InvalidDocumentException(
                    path,
                    "front matter is not valid YAML: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String fileTitle(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
        return name.replaceAll("[-_]+", " ").trim();
    }

    private static final class Section {
        final int level;
        final String heading;
        final List<String> headingPath;
        final List<String> lines = new ArrayList<>();

        Section(int level, String heading, List<String> headingPath) {
            this.level = level;
            this.heading = heading;
            this.headingPath = headingPath;
        }

        int chars() {
            return lines.stream().mapToInt(l -> l.length() + 1).sum();
        }
    }

    private static List<Section> sections(Node document) {
        List<Section> sections = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        Section current = new Section(0, "", List.of());
        sections.add(current);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                String text = inlineText(h).strip();
                while (!levels.isEmpty() && levels.get(levels.size() - 1) >= h.getLevel()) {
                    levels.remove(levels.size() - 1);
                    stack.remove(stack.size() - 1);
                }
                levels.add(h.getLevel());
                stack.add(text);
                current = new Section(h.getLevel(), text, List.copyOf(stack));
                sections.add(current);
            } else {
                blockLines(node, "", current.lines);
            }
        }
        return sections;
    }

    /** Appends the plain-text lines of a block node. */
    private static void blockLines(Node node, String indent, List<String> out) {
        switch (node) {
            case Paragraph p -> addLines(out, indent, inlineText(p));
            case BulletList list -> listLines(list, indent, out, false);
            case OrderedList list -> listLines(list, indent, out, true);
            case HtmlBlock html -> addLines(out, indent, htmlText(html.getLiteral()));
            case FencedCodeBlock code -> addLines(out, indent, code.getLiteral());
            case IndentedCodeBlock code -> addLines(out, indent, code.getLiteral());
            case ThematicBreak ignored -> {}
            case TableBlock table -> tableLines(table, indent, out);
            case Heading h -> addLines(out, indent, inlineText(h));
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    blockLines(child, indent, out);
                }
            }
        }
    }

    private static void listLines(Block list, String indent, List<String> out, boolean ordered) {
        int n = 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            List<String> itemLines = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                blockLines(child, "  ", itemLines);
            }
            String marker = ordered ? (n++) + ". " : "- ";
            for (int i = 0; i < itemLines.size(); i++) {
                String line = itemLines.get(i);
                out.add(i == 0 ? indent + marker + line.strip() : indent + line);
            }
        }
    }

    private static void tableLines(TableBlock table, String indent, List<String> out) {
        table.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof TableRow row) {
                    List<String> cells = new ArrayList<>();
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell) {
                            cells.add(inlineText(c).strip());
                        }
                    }
                    out.add(indent + String.join(" | ", cells));
                } else {
                    visitChildren(node);
                }
            }
        });
    }

    private static void addLines(List<String> out, String indent, String text) {
        text.lines()
                .map(l -> LEFTOVER_LINK.matcher(l).replaceAll(" ").strip())
                .filter(l -> l.chars().filter(Character::isLetterOrDigit).count() > 1)
                .forEach(l -> out.add(indent + l));
    }

    /** Image-link remains such as {@code ](https://…/a.jpg)} and bare URLs, which carry no text for visitors. */
    private static final java.util.regex.Pattern LEFTOVER_LINK =
            java.util.regex.Pattern.compile("!?\\]\\(\\S*\\)|\\bhttps?://\\S+");

    /** The text of inline children; soft breaks become spaces, hard breaks and {@code <br>} new lines. */
    private static String inlineText(Node parent) {
        StringBuilder sb = new StringBuilder();
        parent.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                sb.append('\n');
            }

            @Override
            public void visit(org.commonmark.node.Image image) {
                // Alt text describes a picture, not the business: left out.
            }

            @Override
            public void visit(HtmlInline html) {
                if (html.getLiteral().matches("(?i)<br\\s*/?>")) {
                    sb.append('\n');
                }
            }
        });
        return sb.toString();
    }

    /** Converts an HTML fragment to text lines: block elements and {@code <br>} end a line. */
    static String htmlText(String html) {
        StringBuilder sb = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    sb.append('\n');
                    if (e.nameIs("li")) {
                        sb.append("- ");
                    }
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    sb.append('\n');
                }
            }
        });
        return sb.toString().replace('\u00a0', ' ');
    }

    private static List<ParsedDocument.Chunk> chunk(List<Section> sections, String title) {
        List<ParsedDocument.Chunk> chunks = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String headingPath = "";
        int size = 0;
        for (Section s : sections) {
            if (s.lines.isEmpty()) {
                continue;
            }
            List<String> path = s.headingPath.isEmpty() || !s.headingPath.get(0).equals(title)
                    ? s.headingPath
                    : s.headingPath.subList(1, s.headingPath.size());
            String sectionPath = String.join(" > ", path);
            boolean fits = size + s.chars() <= MERGE_CHARS;
            if (!lines.isEmpty() && !fits) {
                chunks.add(new ParsedDocument.Chunk(chunks.size(), headingPath, String.join("\n", lines)));
                lines.clear();
                size = 0;
            }
            if (lines.isEmpty()) {
                headingPath = sectionPath;
            }
            if (!path.isEmpty()) {
                lines.add("## " + sectionPath);
            }
            for (String line : s.lines) {
                if (size + line.length() + 1 > MAX_CHUNK_CHARS && lines.size() > 1) {
                    // A label ("Tasting notes") goes with the text it names, not at the end of the chunk before it.
                    String label = lines.size() > (path.isEmpty() ? 1 : 2) && TextLines.isLabel(lines.getLast())
                            ? lines.removeLast()
                            : null;
                    chunks.add(new ParsedDocument.Chunk(chunks.size(), headingPath, String.join("\n", lines)));
                    lines.clear();
                    size = 0;
                    headingPath = sectionPath;
                    if (!path.isEmpty()) {
                        lines.add("## " + sectionPath);
                    }
                    if (label != null) {
                        lines.add(label);
                        size += label.length() + 1;
                    }
                }
                lines.add(line);
                size += line.length() + 1;
            }
        }
        if (lines.stream().anyMatch(l -> !l.startsWith("## "))) {
            chunks.add(new ParsedDocument.Chunk(chunks.size(), headingPath, String.join("\n", lines)));
        }
        return chunks;
    }
}
