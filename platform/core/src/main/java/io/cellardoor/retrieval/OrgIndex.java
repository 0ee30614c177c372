package io.cellardoor.retrieval;

import io.cellardoor.text.Initials;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
import org.jspecify.annotations.Nullable;

/**
 * One org's Lucene keyword index in one folder: BM25 over title and headings (boosted as {@code ts_rank_cd}'s weight A
 * is over B) and over the chunk text with English analysis, plus a folded-words field for other languages; the folder
 * as a filter; the chunk id, its document id and path; for small tenants the chunk's embedding, so that both branches
 * of the hybrid query can run here ({@link #candidates}); and title, headings and text together indexed for document
 * frequencies only. Its commit data says which org, outbox epoch and last applied change it holds, and whether it
 * holds embeddings. Searching is thread-safe; writes are serialised by its owner ({@link KeywordIndex}).
 */
final class OrgIndex implements Closeable {

    static final float HEAD_BOOST = 2.5f;

    /** Function words of the chat's languages: no initials to search for. */
    private static final CharArraySet FUNCTION_WORDS = functionWords();

    private static CharArraySet functionWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(SpanishAnalyzer.getDefaultStopSet());
        set.addAll(FrenchAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(set);
    }

    private static final String ID = "id";
    private static final String ID_TERM = "cid";
    private static final String FOLDER = "folder";
    private static final String DOCUMENT = "document";
    private static final String PATH = "path";
    /** The chunk's embedding as little-endian floats (indexes of small tenants only). */
    private static final String EMBEDDING = "embedding";
    /** Terms indexed for their document frequency only: no frequencies, positions or norms. */
    private static final FieldType DOCS_ONLY = docsOnly();

    private static FieldType docsOnly() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /**
     * What a commit says about the index's contents.
     *
     * @param embeddings whether every chunk carries its embedding (decided at the rebuild: small tenants)
     */
    record State(long orgId, String epoch, long applied, long appliedChunk, String version, boolean embeddings) {

        static State of(Map<String, String> data) {
            return new State(
                    Long.parseLong(data.getOrDefault("org", "0")),
                    data.getOrDefault("epoch", ""),
                    Long.parseLong(data.getOrDefault("applied", "-1")),
                    Long.parseLong(data.getOrDefault("appliedChunk", "0")),
                    data.getOrDefault("version", ""),
                    Boolean.parseBoolean(data.getOrDefault("embeddings", "false")));
        }

        /** The same contents after more changes. */
        State applied(long change, long chunk) {
            return new State(orgId, epoch, change, chunk, version, embeddings);
        }

        Map<String, String> data() {
            return Map.of(
                    "org", Long.toString(orgId),
                    "epoch", epoch,
                    "applied", Long.toString(applied),
                    "appliedChunk", Long.toString(appliedChunk),
                    "version", version,
                    "embeddings", Boolean.toString(embeddings));
        }
    }

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile State state;

    private OrgIndex(Path path, boolean create, double ramBufferMb) throws IOException {
        this.path = path;
        this.directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(KeywordAnalyzers.PER_FIELD)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(ramBufferMb)
                .setCommitOnClose(false)
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
        IndexWriter w;
        try {
            w = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        this.writer = w;
        this.searchers = new SearcherManager(writer, null);
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        this.state = State.of(data);
    }

    /** A new empty index in an empty (or missing) folder, for a rebuild. */
    static OrgIndex create(Path path) throws IOException {
        Files.createDirectories(path);
        return new OrgIndex(path, true, 64);
    }

    /** The committed index in the folder; throws when there is none. */
    static OrgIndex open(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new IOException("no index in " + path);
        }
        try (Directory d = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(d)) {
                throw new IOException("no index in " + path);
            }
        }
        return new OrgIndex(path, false, 16);
    }

    /** The commit data of the index in a folder without opening a writer, or null when there is none. */
    static @Nullable State peek(Path path) {
        try (Directory d = FSDirectory.open(path)) {
            return State.of(SegmentInfos.readLatestCommit(d).getUserData());
        } catch (IOException e) {
            return null;
        }
    }

    State state() {
        return state;
    }

    Path path() {
        return path;
    }

    /** Adds a chunk (rebuild: the index is new, no older copy to replace). */
    void add(ChunkChanges.IndexedChunk chunk) throws IOException {
        writer.addDocument(document(chunk));
    }

    /** Applies changes in order: a chunk present is (re)indexed, a chunk gone is deleted. */
    void apply(List<ChunkChanges.Change> changes) throws IOException {
        for (ChunkChanges.Change c : changes) {
            Term id = new Term(ID_TERM, Long.toString(c.chunkId()));
            if (c.chunk() == null) {
                writer.deleteDocuments(id);
            } else {
                writer.updateDocument(id, document(c.chunk()));
            }
        }
    }

    /** Commits what was added or applied as the given state, and makes it searchable. */
    void commit(State next) throws IOException {
        writer.setLiveCommitData(next.data().entrySet());
        writer.commit();
        state = next;
        searchers.maybeRefreshBlocking();
    }

    /**
     * Terms of one question searched at most, in the question's order: a question is a sentence or two, and a longer
     * text (pasted or hostile) must not reach Lucene's limit of 1,024 clauses (two per term in English).
     */
    static final int MAX_TERMS = 64;

    /**
     * Chunk ids of the best BM25 matches, best first.
     *
     * @param english English analysis over title, headings and text; otherwise folded words
     * @param folders when not empty, only chunks of these folders
     */
    long[] search(String text, boolean english, List<String> folders, int n) throws IOException {
        Query query = keywordQuery(text, english, folders);
        if (query == null) {
            return new long[0];
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = ranked(searcher, query, n);
            long[] ids = new long[top.scoreDocs.length];
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (int i = 0; i < ids.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                NumericDocValues values = leaf.reader().getNumericDocValues(ID);
                ids[i] = values != null && values.advanceExact(sd.doc - leaf.docBase) ? values.longValue() : 0;
            }
            return ids;
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The word of the org's chunks a misspelt one most likely means: Lucene's {@link DirectSpellChecker} over the folded
     * words of titles, headings and texts, the closest word within {@code maxEdits} edits with the same first letter,
     * more frequent ones first among equally close. Empty when the word is in the index, has fewer than four letters,
     * or nothing is close.
     *
     * @param foldedWord a lower-case word without accents, e.g. {@code tastin}
     * @param maxEdits 1 or 2
     */
    Optional<String> correction(String foldedWord, int maxEdits) throws IOException {
        Set<String> terms = KeywordAnalyzers.terms(KeywordAnalyzers.FOLDED, foldedWord);
        if (terms.size() != 1) {
            return Optional.empty();
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinPrefix(1);
        checker.setMinQueryLength(4);
        IndexSearcher searcher = searchers.acquire();
        try {
            SuggestWord[] suggestions = checker.suggestSimilar(
                    new Term(KeywordAnalyzers.SIMPLE, terms.iterator().next()),
                    1,
                    searcher.getIndexReader(),
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Best first by score; equal scores by chunk id, so that ties fall the same way in every run and on every replica. */
    private static final org.apache.lucene.search.Sort SCORE_THEN_ID = new org.apache.lucene.search.Sort(
            org.apache.lucene.search.SortField.FIELD_SCORE,
            new org.apache.lucene.search.SortField(ID, org.apache.lucene.search.SortField.Type.LONG));

    /**
     * The top {@code n} matches of a query, best first, equal scores in chunk id order (Lucene alone breaks ties by its
     * internal document numbers, which follow indexing and segment merges, so the same chunks could rank differently
     * in two indexes of the same knowledge).
     */
    private static TopDocs ranked(IndexSearcher searcher, Query query, int n) throws IOException {
        return searcher.search(query, n, SCORE_THEN_ID, true);
    }

    /** The BM25 query of a text, or null when no term is left. */
    private static @Nullable Query keywordQuery(String text, boolean english, List<String> folders) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        if (english) {
            Set<String> terms = KeywordAnalyzers.terms(KeywordAnalyzers.ENGLISH, text);
            for (String t : terms.stream().limit(MAX_TERMS).toList()) {
                q.add(
                        new BoostQuery(new TermQuery(new Term(KeywordAnalyzers.HEAD, t)), HEAD_BOOST),
                        BooleanClause.Occur.SHOULD);
                q.add(new TermQuery(new Term(KeywordAnalyzers.BODY, t)), BooleanClause.Occur.SHOULD);
            }
            if (terms.isEmpty()) {
                return null;
            }
        } else {
            Set<String> terms = KeywordAnalyzers.terms(KeywordAnalyzers.FOLDED, text);
            for (String t : terms.stream().limit(MAX_TERMS).toList()) {
                q.add(new TermQuery(new Term(KeywordAnalyzers.SIMPLE, t)), BooleanClause.Occur.SHOULD);
            }
            if (terms.isEmpty()) {
                return null;
            }
        }
        // "nyc" finds "New York City": a short word of the question may be the initials of a name (not a function word
        // of the chat's languages, "est", "los"; two letters are too often one).
        for (String t : KeywordAnalyzers.terms(KeywordAnalyzers.FOLDED, text).stream()
                .limit(MAX_TERMS)
                .toList()) {
            if (t.length() >= 3 && t.length() <= Initials.MAX_WORDS && !FUNCTION_WORDS.contains(t)) {
                q.add(new TermQuery(new Term(KeywordAnalyzers.INITIALS, t)), BooleanClause.Occur.SHOULD);
            }
        }
        if (!folders.isEmpty()) {
            List<BytesRef> refs = new ArrayList<>();
            folders.forEach(f -> refs.add(new BytesRef(f)));
            q.add(new TermInSetQuery(FOLDER, refs), BooleanClause.Occur.FILTER);
        }
        q.setMinimumNumberShouldMatch(1);
        return q.build();
    }

    /**
     * Both branches of the hybrid query from one snapshot of the index, for the fusion in process: the best
     * {@code keywordN} BM25 matches and the {@code vectorN} chunks nearest to the embedding by an exact scan (cosine
     * similarity, ties by chunk id, as PostgreSQL's exact order), each with its document, path, folder, ranks and
     * cosine similarity. Needs an index that holds embeddings ({@link State#embeddings()}).
     *
     * @param embedding the question's embedding, as many floats as the chunks'
     * @param folders when not empty, only chunks of these folders
     * @return the union of both branches, in no order; empty when nothing matches
     * @throws IllegalStateException when the index holds no embeddings or they have another dimension
     */
    List<ReciprocalRankFusion.Candidate> candidates(
            String text, boolean english, List<String> folders, float[] embedding, int keywordN, int vectorN)
            throws IOException {
        if (!state.embeddings()) {
            throw new IllegalStateException("the index of org " + state.orgId() + " holds no embeddings");
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            Map<Integer, Integer> keywordRanks = new HashMap<>();
            Query query = keywordN > 0 ? keywordQuery(text, english, folders) : null;
            if (query != null) {
                ScoreDoc[] top = ranked(searcher, query, keywordN).scoreDocs;
                for (int i = 0; i < top.length; i++) {
                    keywordRanks.put(top[i].doc, i + 1);
                }
            }
            // The exact scan: every live chunk of the folders, its id and cosine similarity.
            int max = reader.maxDoc();
            long[] ids = new long[max];
            double[] cosines = new double[max];
            java.util.Arrays.fill(cosines, Double.NaN);
            List<Integer> scanned = new ArrayList<>();
            float[] vector = new float[embedding.length];
            Set<BytesRef> wanted = new java.util.HashSet<>();
            folders.forEach(f -> wanted.add(new BytesRef(f)));
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                Bits live = r.getLiveDocs();
                NumericDocValues idValues = DocValues.getNumeric(r, ID);
                BinaryDocValues vectors = DocValues.getBinary(r, EMBEDDING);
                SortedSetDocValues folderValues = DocValues.getSortedSet(r, FOLDER);
                for (int doc = 0; doc < r.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    if (!wanted.isEmpty()
                            && !(folderValues.advanceExact(doc)
                                    && wanted.contains(folderValues.lookupOrd(folderValues.nextOrd())))) {
                        continue;
                    }
                    if (!idValues.advanceExact(doc) || !vectors.advanceExact(doc)) {
                        throw new IllegalStateException("a chunk of org " + state.orgId() + " has no embedding");
                    }
                    BytesRef bytes = vectors.binaryValue();
                    if (bytes.length != Float.BYTES * embedding.length) {
                        throw new IllegalStateException("embeddings of " + bytes.length / Float.BYTES
                                + " dimensions in the index of org " + state.orgId() + ", asked with "
                                + embedding.length);
                    }
                    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .asFloatBuffer()
                            .get(vector);
                    int global = leaf.docBase + doc;
                    ids[global] = idValues.longValue();
                    cosines[global] = VectorUtil.cosine(embedding, vector);
                    scanned.add(global);
                }
            }
            Map<Integer, Integer> vectorRanks = new HashMap<>();
            if (vectorN > 0) {
                scanned.sort((a, b) -> {
                    int byCosine = Double.compare(cosines[b], cosines[a]);
                    return byCosine != 0 ? byCosine : Long.compare(ids[a], ids[b]);
                });
                for (int i = 0; i < Math.min(vectorN, scanned.size()); i++) {
                    vectorRanks.put(scanned.get(i), i + 1);
                }
            }
            java.util.TreeSet<Integer> found = new java.util.TreeSet<>(keywordRanks.keySet());
            found.addAll(vectorRanks.keySet());
            List<ReciprocalRankFusion.Candidate> out = new ArrayList<>(found.size());
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = null;
            NumericDocValues documents = null;
            SortedDocValues paths = null;
            SortedSetDocValues folderValues = null;
            for (int global : found) { // ascending: doc values are read forward
                if (leaf == null || global >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(global, leaves));
                    documents = DocValues.getNumeric(leaf.reader(), DOCUMENT);
                    paths = DocValues.getSorted(leaf.reader(), PATH);
                    folderValues = DocValues.getSortedSet(leaf.reader(), FOLDER);
                }
                int doc = global - leaf.docBase;
                if (!documents.advanceExact(doc) || !paths.advanceExact(doc) || !folderValues.advanceExact(doc)) {
                    throw new IllegalStateException("a chunk of org " + state.orgId() + " lacks its document");
                }
                out.add(new ReciprocalRankFusion.Candidate(
                        ids[global],
                        documents.longValue(),
                        paths.lookupOrd(paths.ordValue()).utf8ToString(),
                        folderValues.lookupOrd(folderValues.nextOrd()).utf8ToString(),
                        keywordRanks.getOrDefault(global, 0),
                        vectorRanks.getOrDefault(global, 0),
                        cosines[global]));
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    /** In how many chunks a term of the English analysis occurs (title, headings or text). */
    int documentFrequency(String term) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().docFreq(new Term(KeywordAnalyzers.ALL, term));
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Every term of the English analysis (title, headings or text) with the number of chunks it occurs in, in term
     * order: what a misspelt question word is compared with.
     */
    Map<String, Integer> documentFrequencies() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Map<String, Integer> out = new LinkedHashMap<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), KeywordAnalyzers.ALL);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    out.put(term.utf8ToString(), each.docFreq());
                }
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Chunks in the index. */
    int size() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    private static Document document(ChunkChanges.IndexedChunk c) {
        Document doc = new Document();
        doc.add(new StringField(ID_TERM, Long.toString(c.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID, c.id()));
        doc.add(new KeywordField(FOLDER, c.folder(), Field.Store.NO));
        doc.add(new NumericDocValuesField(DOCUMENT, c.documentId()));
        doc.add(new SortedDocValuesField(PATH, new BytesRef(c.path())));
        float[] embedding = c.embedding();
        if (embedding != null) {
            ByteBuffer bytes =
                    ByteBuffer.allocate(Float.BYTES * embedding.length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(embedding);
            doc.add(new BinaryDocValuesField(EMBEDDING, new BytesRef(bytes.array())));
        }
        String head = c.title() + " " + c.headingPath();
        doc.add(new TextField(KeywordAnalyzers.HEAD, head, Field.Store.NO));
        doc.add(new TextField(KeywordAnalyzers.BODY, c.content(), Field.Store.NO));
        doc.add(new Field(KeywordAnalyzers.ALL, head + "\n" + c.content(), DOCS_ONLY));
        doc.add(new TextField(KeywordAnalyzers.SIMPLE, head + " " + c.content(), Field.Store.NO));
        doc.add(new TextField(
                KeywordAnalyzers.INITIALS,
                String.join(" ", Initials.of(c.title() + " | " + c.headingPath() + " | " + c.content())),
                Field.Store.NO));
        return doc;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.rollback(); // everything worth keeping was committed
            } finally {
                directory.close();
            }
        }
    }
}
