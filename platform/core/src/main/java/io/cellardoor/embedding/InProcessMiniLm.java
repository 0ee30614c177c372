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
 * all-MiniLM-L6-v2 in process (384 dimensions, mean pooling), full precision or quantized to 8-bit integers: the models
 * and tokenizers LangChain4j ships, in an ONNX session of a given number of intra-op threads that do not spin while
 * idle. LangChain4j's own {@code AllMiniLmL6V2EmbeddingModel} takes ONNX's defaults: one thread per core, spinning
 * between runs, which on a machine of two cores takes CPU from the database and the other requests (measured:
 * docs/evaluation.md, 2026-12-04 21:20 UTC).
 */
final class InProcessMiniLm extends AbstractInProcessEmbeddingModel {

    /** The full-precision model's name ({@code cellardoor.embedding.model}), its files' stem. */
    static final String FULL = "all-minilm-l6-v2";

    /** The 8-bit quantized model's name, its files' stem. */
    static final String QUANTIZED = "all-minilm-l6-v2-q";

    private final OnnxBertBiEncoder encoder;

    /**
     * Loads the model from the class path.
     *
     * @param name {@link #FULL} or {@link #QUANTIZED}
     * @param threads intra-op threads of one embedding, at least 1
     * @throws IllegalStateException when the model or tokenizer is missing or ONNX cannot load it
     */
    InProcessMiniLm(String name, int threads) {
        super(null);
        ClassLoader loader = OnnxBertBiEncoder.class.getClassLoader();
        String modelFile = name + ".onnx";
        String tokenizerFile = name + "-tokenizer.json";
        try (InputStream model = loader.getResourceAsStream(modelFile);
                InputStream tokenizer = loader.getResourceAsStream(tokenizerFile)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException(modelFile + " or " + tokenizerFile + " is missing from the class path");
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
            throw new IllegalStateException("the ONNX runtime could not load " + modelFile, e);
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
