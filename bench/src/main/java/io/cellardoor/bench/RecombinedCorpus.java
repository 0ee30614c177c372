package io.cellardoor.bench;

import io.cellardoor.embedding.Embeddings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A synthetic corpus of real sentences recombined into new chunks, with embeddings composed from the model's own
 * embeddings of those sentences (docs/decisions/0029).
 *
 * <p>The real corpus's sentences (its chunks' lines split after {@code . ! ?}, four words or more; about 2,300 in the
 * Milea knowledge) each get {@value #VARIANTS} variants: the sentence itself and copies in which about 8 % of the
 * longer words carry one of 2,000 made-up Zipf-distributed suffixes (so the vocabulary grows with the corpus, as
 * {@link SyntheticCorpus} does). The model embeds every variant and every document's "title > heading" once (cached).
 * Each synthetic document copies the structure of a random real document (title, folder, heading paths, number of
 * chunks); each chunk is 2 to 7 sentence variants (as many sentences as its real counterpart, within those bounds),
 * drawn from the real document itself with probability 0.5, from another document of its folder with 0.3 and from
 * anywhere with 0.2. Its embedding is what all-MiniLM-L6-v2's mean pooling makes of a concatenation, approximately:
 * the word-count-weighted mean of its title line's and sentences' embeddings, normalised. {@link #fidelity} measures
 * how close that is to the model's embedding of the whole chunk text.
 *
 * <p>Unlike the mixed corpus (505 real vectors plus noise), a million chunks spread over about 37,000 real sentence
 * embeddings and the combinatorics of choosing several of them, so "the exact top 10" is not a tie among
 * near-duplicates. Texts and vectors are generated deterministically from the seed, and a corpus is a prefix of every
 * larger one with the same seed.
 */
final class RecombinedCorpus implements Corpus {

    static final int MIN_SENTENCES = 2;
    static final int MAX_SENTENCES = 7;
    static final double FROM_DOCUMENT = 0.5;
    static final double FROM_FOLDER = 0.3;
    static final int VARIANTS = 16;
    /** Bumped whenever the pool's texts change, so cached embeddings of older texts are not reused. */
    static final int VERSION = 2;

    private record Source(String title, String folder, String path, List<BaseCorpus.Chunk> chunks, int[] sentences) {}

    private final List<Source> docs = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();
    private final Map<String, int[]> byFolder = new HashMap<>();
    private final long seed;
    /** Sentence i's variant v is pool entry {@code i * VARIANTS + v}. */
    private final List<String> pool = new ArrayList<>();

    private final float[][] poolVectors;
    private final Map<String, float[]> headVectors;

    private RecombinedCorpus(List<BaseCorpus.Doc> base, long seed, Embeddings model, Path cacheDir) throws Exception {
        this.seed = seed;
        Map<String, List<Integer>> folders = new HashMap<>();
        for (BaseCorpus.Doc d : base) {
            List<Integer> own = new ArrayList<>();
            for (BaseCorpus.Chunk c : d.chunks()) {
                for (String s : split(c.text())) {
                    own.add(sentences.size());
                    folders.computeIfAbsent(d.folder(), f -> new ArrayList<>()).add(sentences.size());
                    sentences.add(s);
                }
            }
            if (!own.isEmpty()) {
                docs.add(new Source(
                        d.title(),
                        d.folder(),
                        d.path(),
                        d.chunks(),
                        own.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        folders.forEach((f, ids) ->
                byFolder.put(f, ids.stream().mapToInt(Integer::intValue).toArray()));
        WordVariants variants = new WordVariants();
        for (int i = 0; i < sentences.size(); i++) {
            SplittableRandom rnd = new SplittableRandom(i * 7919L + 17);
            pool.add(sentences.get(i));
            for (int v = 1; v < VARIANTS; v++) {
                String varied = variants.vary(sentences.get(i), rnd);
                for (int tries = 0; varied.equals(sentences.get(i)) && tries < 20; tries++) {
                    varied = variants.vary(sentences.get(i), rnd);
                }
                pool.add(varied);
            }
        }
        Map<String, Integer> heads = new LinkedHashMap<>();
        for (Source d : docs) {
            for (BaseCorpus.Chunk c : d.chunks()) {
                heads.putIfAbsent(head(d.title(), c.headingPath()), heads.size());
            }
        }
        List<String> all = new ArrayList<>(pool);
        all.addAll(heads.keySet());
        List<float[]> vectors = cached(all, model, cacheDir);
        this.poolVectors = vectors.subList(0, pool.size()).toArray(float[][]::new);
        this.headVectors = new HashMap<>();
        heads.forEach((h, i) -> headVectors.put(h, vectors.get(pool.size() + i)));
    }

    /** The corpus for a seed; the model embeds the sentence pool the first time (cached in {@code cacheDir}). */
    static RecombinedCorpus open(List<BaseCorpus.Doc> base, long seed, Embeddings model, Path cacheDir)
            throws Exception {
        return new RecombinedCorpus(base, seed, model, cacheDir);
    }

    /** Sentence variants the corpus draws from. */
    int poolSize() {
        return pool.size();
    }

    @Override
    public void generate(int chunks, long firstDocId, long firstChunkId, Consumer<SyntheticCorpus.Doc> out) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long docId = firstDocId;
        long chunkId = firstChunkId;
        int made = 0;
        while (made < chunks) {
            Source b = docs.get(rnd.nextInt(docs.size()));
            int[] folder = byFolder.get(b.folder());
            List<SyntheticCorpus.Chunk> cs = new ArrayList<>();
            for (BaseCorpus.Chunk bc : b.chunks()) {
                if (made >= chunks) {
                    break;
                }
                int k = Math.clamp(split(bc.text()).size(), MIN_SENTENCES, MAX_SENTENCES);
                String head = head(b.title(), bc.headingPath());
                double[] sum = new double[SyntheticCorpus.DIMS];
                add(sum, headVectors.get(head), words(head));
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < k; i++) {
                    double u = rnd.nextDouble();
                    int s = u < FROM_DOCUMENT
                            ? b.sentences()[rnd.nextInt(b.sentences().length)]
                            : u < FROM_DOCUMENT + FROM_FOLDER
                                    ? folder[rnd.nextInt(folder.length)]
                                    : rnd.nextInt(sentences.size());
                    int p = s * VARIANTS + rnd.nextInt(VARIANTS);
                    text.append(pool.get(p)).append('\n');
                    add(sum, poolVectors[p], words(pool.get(p)));
                }
                cs.add(new SyntheticCorpus.Chunk(
                        chunkId++,
                        bc.ordinal(),
                        bc.headingPath(),
                        text.toString().strip(),
                        normalise(sum)));
                made++;
            }
            String path = b.path().replaceFirst("\\.md$", "") + "-r" + docId + ".md";
            out.accept(new SyntheticCorpus.Doc(docId++, path, b.folder(), b.title(), List.copyOf(cs)));
        }
    }

    /**
     * How close composed embeddings are to the model's: over the first {@code n} chunks, the mean cosine between each
     * chunk's composed vector and the model's embedding of its whole text (title, heading, sentences), and the share of
     * each chunk's 10 nearest neighbours (among those n, by composed vectors) that are also its 10 nearest by the
     * model's vectors.
     */
    double[] fidelity(int n, Embeddings model) {
        List<SyntheticCorpus.Chunk> sample = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        generate(
                n,
                1,
                1,
                d -> d.chunks().forEach(c -> {
                    sample.add(c);
                    texts.add(new io.cellardoor.knowledge.ParsedDocument.Chunk(c.ordinal(), c.headingPath(), c.text())
                            .embeddingText(d.title()));
                }));
        List<float[]> real = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += 32) {
            real.addAll(model.embedAll(texts.subList(i, Math.min(texts.size(), i + 32))));
        }
        double cos = 0;
        float[] composed = new float[sample.size() * SyntheticCorpus.DIMS];
        float[] modelled = new float[sample.size() * SyntheticCorpus.DIMS];
        long[] ids = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            float[] a = sample.get(i).embedding();
            float[] b = real.get(i);
            System.arraycopy(a, 0, composed, i * SyntheticCorpus.DIMS, SyntheticCorpus.DIMS);
            System.arraycopy(b, 0, modelled, i * SyntheticCorpus.DIMS, SyntheticCorpus.DIMS);
            ids[i] = i;
            double dot = 0;
            for (int j = 0; j < a.length; j++) {
                dot += a[j] * b[j];
            }
            cos += dot;
        }
        double agree = 0;
        int probes = Math.min(200, sample.size());
        for (int i = 0; i < probes; i++) {
            var byComposed = ScaleBench.exactTop(composed, ids, sample.get(i).embedding(), 11);
            var byModel = ScaleBench.exactTop(modelled, ids, real.get(i), 11);
            byComposed.remove((long) i);
            byModel.remove((long) i);
            agree += byComposed.stream().filter(byModel::contains).count() / 10.0;
        }
        return new double[] {cos / sample.size(), agree / probes};
    }

    private static String head(String title, String headingPath) {
        return headingPath.isEmpty() ? title : title + " > " + headingPath;
    }

    private static int words(String text) {
        return Math.max(1, text.split("\\s+").length);
    }

    private static void add(double[] sum, float[] v, double weight) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += weight * v[i];
        }
    }

    private static float[] normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        double inv = 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }

    /** The model's embeddings of the texts, cached under a hash of them and of the model's id. */
    private static List<float[]> cached(List<String> texts, Embeddings model, Path cacheDir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((model.modelId() + "\u0000").getBytes(StandardCharsets.UTF_8));
        texts.forEach(t -> sha.update((t + "\u0000").getBytes(StandardCharsets.UTF_8)));
        Path file = cacheDir.resolve("recombined-pool-v" + VERSION + "-"
                + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".bin");
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
        long t0 = System.nanoTime();
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += 64) {
            out.addAll(model.embedAll(texts.subList(i, Math.min(texts.size(), i + 64))));
            if ((i / 64) % 50 == 49) {
                System.out.printf(
                        "  embedded %d/%d sentence variants (%.0f/s)%n",
                        out.size(), texts.size(), out.size() / ((System.nanoTime() - t0) / 1e9));
            }
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

    /** Sentences of a chunk's text: its lines (paragraphs, bullets, table rows) split after . ! or ?, of 4+ words. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String s : line.strip().split("(?<=[.!?])\\s+")) {
                String t = s.strip();
                if (t.split("\\s+").length >= 4) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
