package io.cellardoor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene side of the comparison, built from the same chunks and embeddings as PostgreSQL: BM25 (EnglishAnalyzer;
 * title and headings in one field boosted 2.5, body in another, mirroring {@code ts_rank_cd}'s default A/B weights
 * 1.0/0.4), HNSW over the normalised embeddings with dot product (the same order as cosine) and the same graph
 * parameters as the pgvector index (m 16, ef_construction 128; float32 where pgvector's is half precision), the tenant as a filter, and the same
 * reciprocal rank fusion ({@code 1 / (60 + rank)}, 40 candidates per branch).
 */
final class LuceneIndex implements AutoCloseable {

    static final int MAX_CONN = 16;
    static final int BEAM_WIDTH = 128;
    static final float HEAD_BOOST = 2.5f;
    static final int RRF_K = 60;

    /** One result with the stored fields a chat answer needs. */
    record Hit(long chunkId, String path, String title, String headingPath, String text, double score) {}

    record BuildResult(
            int threads,
            double addSeconds,
            double commitSeconds,
            double mergeSeconds,
            int segmentsBeforeMerge,
            long bytes,
            Map<String, Long> bytesByKind) {

        double totalSeconds() {
            return addSeconds + commitSeconds + mergeSeconds;
        }
    }

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final long[] chunkIds;

    private LuceneIndex(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        this.chunkIds = new long[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ids = leaf.reader().getNumericDocValues("id");
            for (int d = ids.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = ids.nextDoc()) {
                chunkIds[leaf.docBase + d] = ids.longValue();
            }
        }
    }

    static LuceneIndex open(Path dir) throws IOException {
        return new LuceneIndex(dir);
    }

    /**
     * Builds an index in an empty folder from what the producer emits, with {@code threads} indexing threads (each
     * fills its own segment) and a final merge to one segment that inserts into the largest graph with
     * {@code threads} workers.
     */
    static BuildResult build(Path dir, int threads, int ramBufferMb, Consumer<PgLoader.Sink> producer)
            throws Exception {
        ExecutorService mergeWorkers = Executors.newFixedThreadPool(threads);
        KnnVectorsFormat vectors =
                new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH, threads, threads > 1 ? mergeWorkers : null);
        Codec codec = new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setMaxMergedSegmentMB(1_000_000);
        merges.setNoCFSRatio(0);
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
                .setCodec(codec)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(ramBufferMb)
                .setUseCompoundFile(false)
                .setMergePolicy(merges)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        Files.createDirectories(dir);
        record Item(long org, SyntheticCorpus.Doc doc) {}
        Item end = new Item(-1, null);
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(512);
        ExecutorService indexers = Executors.newFixedThreadPool(threads);
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config)) {
            long t0 = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(indexers.submit(() -> {
                    while (true) {
                        Item item = queue.take();
                        if (item == end) {
                            return null;
                        }
                        List<Document> docs = new ArrayList<>();
                        for (SyntheticCorpus.Chunk c : item.doc().chunks()) {
                            docs.add(document(item.org(), item.doc(), c));
                        }
                        writer.addDocuments(docs);
                    }
                }));
            }
            try {
                producer.accept((org, doc) -> {
                    try {
                        queue.put(new Item(org, doc));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
            } finally {
                for (int t = 0; t < threads; t++) {
                    queue.put(end);
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
            double add = PgLoader.seconds(t0);
            t0 = System.nanoTime();
            writer.commit();
            double commit = PgLoader.seconds(t0);
            int segments;
            try (DirectoryReader r = DirectoryReader.open(directory)) {
                segments = r.leaves().size();
            }
            t0 = System.nanoTime();
            if (segments > 1) {
                writer.forceMerge(1);
                writer.commit();
            }
            double merge = PgLoader.seconds(t0);
            writer.deleteUnusedFiles();
            return new BuildResult(threads, add, commit, merge, segments, sizeOf(dir), sizesByKind(dir));
        } finally {
            indexers.shutdownNow();
            mergeWorkers.shutdownNow();
        }
    }

    private static Document document(long org, SyntheticCorpus.Doc d, SyntheticCorpus.Chunk c) {
        Document doc = new Document();
        doc.add(new StringField("org", Long.toString(org), Field.Store.NO));
        doc.add(new NumericDocValuesField("id", c.id()));
        doc.add(new StoredField("id", c.id()));
        doc.add(new StoredField("path", d.path()));
        doc.add(new StoredField("title", d.title()));
        doc.add(new StoredField("heading", c.headingPath()));
        doc.add(new StoredField("content", c.text()));
        doc.add(new TextField("head", d.title() + " " + c.headingPath(), Field.Store.NO));
        doc.add(new TextField("body", c.text(), Field.Store.NO));
        doc.add(new KnnFloatVectorField("vec", c.embedding(), VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    /** Full text only: BM25 over title/headings and body, OR of the text's terms, within the org. */
    List<Integer> bm25(long org, String text, int n) throws IOException {
        Set<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(orgFilter(org), BooleanClause.Occur.FILTER);
        for (String t : terms) {
            q.add(new BoostQuery(new TermQuery(new Term("head", t)), HEAD_BOOST), BooleanClause.Occur.SHOULD);
            q.add(new TermQuery(new Term("body", t)), BooleanClause.Occur.SHOULD);
        }
        q.setMinimumNumberShouldMatch(1);
        return docIds(searcher.search(q.build(), n));
    }

    /** Vectors only: HNSW with {@code ef} candidates (Lucene's k is its beam), the best {@code n} of them. */
    List<Integer> knn(long org, float[] vector, int n, int ef) throws IOException {
        TopDocs top = searcher.search(
                new KnnFloatVectorQuery("vec", vector, Math.max(n, ef), orgFilter(org)), Math.max(n, ef));
        List<Integer> ids = docIds(top);
        return ids.subList(0, Math.min(n, ids.size()));
    }

    /** BM25 and HNSW, {@code candidates} each, fused by reciprocal rank; the best k with their stored fields. */
    List<Hit> hybrid(long org, String text, float[] vector, int k, int candidates, int ef) throws IOException {
        return fuse(List.of(bm25(org, text, candidates), knn(org, vector, candidates, ef)), k);
    }

    /** Reciprocal rank fusion of ranked lists of Lucene doc ids; the best k with their stored fields. */
    List<Hit> fuse(List<List<Integer>> rankings, int k) throws IOException {
        Map<Integer, Double> scores = new HashMap<>();
        for (List<Integer> ranking : rankings) {
            for (int r = 0; r < ranking.size(); r++) {
                scores.merge(ranking.get(r), 1.0 / (RRF_K + r + 1), Double::sum);
            }
        }
        List<Map.Entry<Integer, Double>> best = scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> chunkIds[e.getKey()]))
                .limit(k)
                .toList();
        return hits(best);
    }

    /** Stored fields of ranked doc ids, scores by rank. */
    List<Hit> hitsOf(List<Integer> ranking, int k) throws IOException {
        List<Map.Entry<Integer, Double>> best = new ArrayList<>();
        for (int r = 0; r < Math.min(k, ranking.size()); r++) {
            best.add(Map.entry(ranking.get(r), 1.0 / (RRF_K + r + 1)));
        }
        return hits(best);
    }

    private List<Hit> hits(List<Map.Entry<Integer, Double>> best) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Hit> out = new ArrayList<>(best.size());
        for (Map.Entry<Integer, Double> e : best) {
            Document d = stored.document(e.getKey());
            out.add(new Hit(
                    d.getField("id").numericValue().longValue(),
                    d.get("path"),
                    d.get("title"),
                    d.get("heading"),
                    d.get("content"),
                    e.getValue()));
        }
        return out;
    }

    long chunkId(int docId) {
        return chunkIds[docId];
    }

    int maxDoc() {
        return reader.maxDoc();
    }

    private Set<String> terms(String text) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    private static Query orgFilter(long org) {
        return new TermQuery(new Term("org", Long.toString(org)));
    }

    private static List<Integer> docIds(TopDocs top) {
        List<Integer> ids = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            ids.add(sd.doc);
        }
        return ids;
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    /** Bytes by what the files hold: raw vectors, the HNSW graph, terms and postings, stored fields, the rest. */
    static Map<String, Long> sizesByKind(Path dir) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : List.of("vectors", "graph", "postings", "stored", "other")) {
            out.put(k, 0L);
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
                String kind = switch (ext) {
                    case "vec", "vemf" -> "vectors";
                    case "vex", "vem" -> "graph";
                    case "doc", "pos", "pay", "tim", "tip", "tmd", "psm", "nvd", "nvm" -> "postings";
                    case "fdt", "fdx", "fdm" -> "stored";
                    default -> "other";
                };
                out.merge(kind, p.toFile().length(), Long::sum);
            });
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
