package io.cellardoor.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 in process (384 dimensions, mean pooling): the model and tokenizer LangChain4j ships, in an ONNX
 * session of a given number of intra-op threads that do not spin while idle. LangChain4j's own
 * {@code AllMiniLmL6V2EmbeddingModel} takes ONNX's defaults: one thread per core, spinning between runs, which on a
 * machine of two cores takes CPU from the database and the other requests (measured: docs/evaluation.md, 2026-12-04
 * 21:20 UTC).
 */
final class InProcessMiniLm extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    /**
     * Loads the model from the class path.
     *
     * @param threads intra-op threads of one embedding, at least 1
     * @throws IllegalStateException when the model or tokenizer is missing or ONNX cannot load it
     */
    InProcessMiniLm(int threads) {
        super(null);
        ClassLoader loader = OnnxBertBiEncoder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
                InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException(MODEL + " or " + TOKENIZER + " is missing from the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the ONNX runtime could not load " + MODEL, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return Embeddings.DIMENSIONS;
    }
}
