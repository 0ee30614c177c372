package io.cellardoor.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Text embeddings from the configured LangChain4j model (all-MiniLM-L6-v2 in process by default).
 *
 * <p>Vectors have {@link #DIMENSIONS} floats and are L2-normalised, so cosine distance is
 * {@code 1 - dot}. Single texts (questions) are remembered in a bounded LRU cache
 * ({@code cellardoor.embedding.cache-size} texts, default 10,000, about 1.6 KB each; 0 turns it off): visitors ask
 * the same questions again and again, and a question's embedding costs milliseconds of CPU. Thread-safe.
 *
 * <p>With an embeddings API ({@code provider=openai}) each model call is billed by the provider: the methods that take a
 * {@code Consumer<EmbeddingCall>} hand it every such call with the tokens the provider reported (a cache hit or a model
 * run in process calls nothing), so the caller can put it on the org's LLM cost.
 */
@Component
public class Embeddings {

    /**
     * Whether a text has anything the embedding model reads: false when only whitespace, control and format characters
     * (U+200B, U+FEFF, U+202E...), lone surrogates, U+FFFD (what undecodable bytes became) or unassigned code points
     * remain, which the model's tokenizer drops before refusing the empty rest. Callers refuse such text as blank.
     */
    public static boolean readable(String text) {
        return !text.codePoints().allMatch(Embeddings::invisible);
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE
                || c == 0xFFFD
                || !Character.isDefined(c);
    }

    /** Dimensions of every vector, matching the {@code vector(384)} columns. */
    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;
    private final @Nullable Cache<String, float[]> cache;
    private final String modelId;
    private final String queryPrefix;
    private final String passagePrefix;
    private final @Nullable String billedProvider;
    private final String billedModel;
    /** Embeds questions ahead of their turn; drops the work when busy rather than queueing it. */
    private final ThreadPoolExecutor ahead = new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4),
            Thread.ofPlatform().name("embed-ahead").daemon().factory(),
            new ThreadPoolExecutor.DiscardPolicy());

    /** With the default model's settings and a cache of {@code cacheSize} questions (tests, tools). */
    Embeddings(EmbeddingModel model, int cacheSize) {
        this(model, new EmbeddingProperties(null, null, null, null, null, null, null, null, cacheSize, null));
    }

    /**
     * @param model the model the properties configure (the in-process quantized all-MiniLM-L6-v2 by default)
     * @param properties {@code cellardoor.embedding.*}
     */
    @org.springframework.beans.factory.annotation.Autowired
    public Embeddings(EmbeddingModel model, EmbeddingProperties properties) {
        this.model = model;
        int cacheSize = properties.cacheSize() == null ? 10_000 : properties.cacheSize();
        this.cache =
                cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
        this.modelId = properties.modelId();
        this.queryPrefix = properties.queryPrefix() == null ? "" : properties.queryPrefix();
        this.passagePrefix = properties.passagePrefix() == null ? "" : properties.passagePrefix();
        this.billedProvider = properties.providerOrDefault().equals("openai") ? host(properties.baseUrl()) : null;
        this.billedModel = properties.model() == null ? "" : properties.model();
    }

    private static String host(@Nullable String baseUrl) {
        if (baseUrl == null) {
            return "api.openai.com";
        }
        String host = URI.create(baseUrl).getHost();
        return host == null ? baseUrl : host;
    }

    /** Whether the model runs in this process (its calls cost nothing and are not billed). */
    public boolean inProcess() {
        return billedProvider == null;
    }

    /**
     * The configured model's id ({@link EmbeddingProperties#modelId()}): empty for the full-precision in-process model.
     */
    public String modelId() {
        return modelId;
    }

    /**
     * The hash a chunk's embedding text is stored and reused under: SHA-256 of the text, prefixed by the model's id
     * for any model but the full-precision in-process one, so an embedding is only reused by the model that made it.
     */
    public String chunkHash(String text) {
        String sha = sha256(text);
        return modelId.isEmpty() ? sha : modelId + ":" + sha;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Embeds one text, from the cache when the same text was embedded recently.
     *
     * @return 384 floats, L2-normalised; a new array the caller may change
     * @throws IllegalArgumentException when the text is blank
     */
    public float[] embed(String text) {
        return embed(text, call -> {});
    }

    /**
     * As {@link #embed(String)}, handing a billed model call (not a cache hit) to {@code calls}.
     *
     * @throws IllegalArgumentException when the text is blank
     */
    public float[] embed(String text, Consumer<EmbeddingCall> calls) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        if (cache == null) {
            return one(queryPrefix + text, calls);
        }
        return cache.get(text, t -> one(queryPrefix + t, calls)).clone();
    }

    private float[] one(String text, Consumer<EmbeddingCall> calls) {
        Response<Embedding> response = model.embed(text);
        billed(response.tokenUsage(), calls);
        return normalised(response.content());
    }

    private void billed(@Nullable TokenUsage usage, Consumer<EmbeddingCall> calls) {
        if (billedProvider != null && usage != null && usage.inputTokenCount() != null) {
            calls.accept(new EmbeddingCall(billedProvider, billedModel, usage.inputTokenCount()));
        }
    }

    /**
     * Embeds a visitor's question as the semantic cache and curated answers compare questions: lower-cased, without
     * sentence punctuation, which do not change what is asked ("How many acres?" and "how many acres" are 0.94
     * similar as typed, 1.0 without).
     *
     * @return 384 floats, L2-normalised
     * @throws IllegalArgumentException when the question is blank
     */
    public float[] embedQuestion(String question) {
        return embedQuestion(question, call -> {});
    }

    /**
     * As {@link #embedQuestion(String)}, handing a billed model call (not a cache hit) to {@code calls}.
     *
     * @throws IllegalArgumentException when the question is blank
     */
    public float[] embedQuestion(String question, Consumer<EmbeddingCall> calls) {
        String text = questionText(question);
        // A question of punctuation only ("???") has no normalised text: embed it as typed.
        return embed(text.isEmpty() ? question : text, calls);
    }

    /**
     * Starts embedding a question as {@link #embedQuestion} will, in the background, so that the turn's embedding is
     * ready (or in flight: the cache makes the turn wait for it instead of embedding twice) when its stages reach it.
     * Only for a model run in process with the cache on: an embeddings API's call would be billed outside the turn.
     * Drops the work when one is already queued four deep; never throws.
     */
    public void embedQuestionAhead(String question) {
        if (cache == null || billedProvider != null || !readable(question)) {
            return;
        }
        ahead.execute(() -> {
            try {
                embedQuestion(question);
            } catch (RuntimeException e) {
                // the turn embeds it again and reports what went wrong there
            }
        });
    }

    /** A question as {@link #embedQuestion} embeds it: lower-cased, sentence punctuation replaced by spaces, stripped. */
    public static String questionText(String question) {
        return question.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[?!.,;:]+", " ")
                .strip();
    }

    /** Embeds texts in one batch, in order; each vector as in {@link #embed(String)}. */
    public List<float[]> embedAll(List<String> texts) {
        return embedAll(texts, call -> {});
    }

    /** As {@link #embedAll(List)}, handing the batch's billed model call to {@code calls}. */
    public List<float[]> embedAll(List<String> texts, Consumer<EmbeddingCall> calls) {
        List<TextSegment> segments =
                texts.stream().map(t -> TextSegment.from(passagePrefix + t)).toList();
        Response<List<Embedding>> response = model.embedAll(segments);
        billed(response.tokenUsage(), calls);
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : response.content()) {
            out.add(normalised(e));
        }
        return out;
    }

    private static float[] normalised(Embedding embedding) {
        float[] v = embedding.vector();
        if (v.length != DIMENSIONS) {
            throw new IllegalStateException(
                    "embedding model returned " + v.length + " dimensions, expected " + DIMENSIONS);
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0 && Math.abs(norm - 1) > 1e-4) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
        }
        return v;
    }
}
