package io.cellardoor.bench;

import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.InvalidDocumentException;
import io.cellardoor.knowledge.MarkdownParser;
import io.cellardoor.knowledge.ParsedDocument;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The real chunks that synthetic corpora are derived from: parsed by the production parser, embedded once. */
final class BaseCorpus {

    record Chunk(int ordinal, String headingPath, String text, float[] embedding) {}

    record Doc(String path, String folder, String title, List<Chunk> chunks) {}

    private BaseCorpus() {}

    /**
     * Parses every markdown file of the folder as {@code KnowledgeImporter} does and embeds each chunk's embedding
     * text; embeddings are cached in {@code cacheDir} keyed by the texts, so later runs skip the model.
     */
    static List<Doc> fromFolder(Path folder, Embeddings embeddings, Path cacheDir) throws Exception {
        MarkdownParser parser = new MarkdownParser();
        List<ParsedDocument> parsed = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> Files.isRegularFile(p)
                            && p.getFileName().toString().toLowerCase().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String rel = folder.relativize(file).toString().replace('\\', '/');
            try {
                parsed.add(parser.parse(rel, Files.readString(file)));
            } catch (InvalidDocumentException | IOException e) {
                // skipped, as the importer does
            }
        }
        List<String> texts = new ArrayList<>();
        parsed.forEach(d -> d.chunks().forEach(c -> texts.add(c.embeddingText(d.title()))));
        List<float[]> vectors = cachedEmbeddings(texts, embeddings, cacheDir);
        List<Doc> docs = new ArrayList<>();
        int i = 0;
        for (ParsedDocument d : parsed) {
            List<Chunk> chunks = new ArrayList<>();
            for (ParsedDocument.Chunk c : d.chunks()) {
                chunks.add(new Chunk(c.ordinal(), c.headingPath(), c.text(), vectors.get(i++)));
            }
            docs.add(new Doc(d.path(), d.folder(), d.title(), chunks));
        }
        return docs;
    }

    /** The chunks an org has in the database, with their stored embeddings. */
    static List<Doc> fromDatabase(Connection db, long orgId) throws Exception {
        Map<String, Doc> docs = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT d.path, d.folder, d.title, c.ordinal, c.heading_path, c.content, c.embedding::text
                FROM kb_chunk c JOIN kb_document d ON d.id = c.document_id
                WHERE c.org_id = ? ORDER BY d.path, c.ordinal""")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Doc doc = docs.computeIfAbsent(rs.getString(1), p -> {
                        try {
                            return new Doc(p, rs.getString(2), rs.getString(3), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    doc.chunks()
                            .add(new Chunk(
                                    rs.getInt(4), rs.getString(5), rs.getString(6), parseVector(rs.getString(7))));
                }
            }
        }
        return List.copyOf(docs.values());
    }

    static int chunkCount(List<Doc> docs) {
        return docs.stream().mapToInt(d -> d.chunks().size()).sum();
    }

    static float[] parseVector(String text) {
        String[] parts = text.substring(1, text.length() - 1).split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return v;
    }

    private static List<float[]> cachedEmbeddings(List<String> texts, Embeddings embeddings, Path cacheDir)
            throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        texts.forEach(t -> sha.update((t + "\u0000").getBytes(StandardCharsets.UTF_8)));
        Path file = cacheDir.resolve(
                "embeddings-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".bin");
        if (Files.exists(file)) {
            try (DataInputStream in =
                    new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                int dims = in.readInt();
                if (n == texts.size()) {
                    List<float[]> out = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        float[] v = new float[dims];
                        for (int j = 0; j < dims; j++) {
                            v[j] = in.readFloat();
                        }
                        out.add(v);
                    }
                    return out;
                }
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += 32) {
            out.addAll(embeddings.embedAll(texts.subList(i, Math.min(texts.size(), i + 32))));
        }
        Files.createDirectories(cacheDir);
        try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            o.writeInt(out.size());
            o.writeInt(out.isEmpty() ? 0 : out.get(0).length);
            for (float[] v : out) {
                for (float x : v) {
                    o.writeFloat(x);
                }
            }
        }
        return out;
    }
}
