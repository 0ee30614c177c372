package io.cellardoor.bench;

import java.util.function.Consumer;

/** A deterministic synthetic corpus: the same seed gives the same documents, so it can be fed twice. */
interface Corpus {

    /**
     * Generates documents until {@code chunks} chunks exist (the last document may be cut short), with ids counting up
     * from the given first ids.
     */
    void generate(int chunks, long firstDocId, long firstChunkId, Consumer<SyntheticCorpus.Doc> out);
}
