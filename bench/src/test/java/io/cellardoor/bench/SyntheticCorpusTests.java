package io.cellardoor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTests {

    private static List<BaseCorpus.Doc> base() {
        Random r = new Random(1);
        List<BaseCorpus.Doc> docs = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            List<BaseCorpus.Chunk> chunks = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                float[] v = new float[SyntheticCorpus.DIMS];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) r.nextGaussian();
                }
                chunks.add(new BaseCorpus.Chunk(
                        c,
                        "Section " + c,
                        "## Section " + c + "\nThe tasting room opens at noon.\n- Reserve Cabernet Franc: $45",
                        v));
            }
            docs.add(new BaseCorpus.Doc("wine/doc" + d + ".md", "wine", "Document " + d, chunks));
        }
        return docs;
    }

    @Test
    void sameSeedGivesTheSameCorpusWithTheAskedChunkCount() {
        List<SyntheticCorpus.Doc> a = new ArrayList<>();
        List<SyntheticCorpus.Doc> b = new ArrayList<>();
        new SyntheticCorpus(base(), 7).generate(50, 100, 1000, a::add);
        new SyntheticCorpus(base(), 7).generate(50, 100, 1000, b::add);
        assertThat(a.stream().mapToInt(d -> d.chunks().size()).sum()).isEqualTo(50);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).path()).isEqualTo(b.get(i).path());
            for (int j = 0; j < a.get(i).chunks().size(); j++) {
                assertThat(a.get(i).chunks().get(j).text())
                        .isEqualTo(b.get(i).chunks().get(j).text());
                assertThat(a.get(i).chunks().get(j).embedding())
                        .containsExactly(b.get(i).chunks().get(j).embedding());
            }
        }
        assertThat(a.get(0).chunks().get(0).id()).isEqualTo(1000);
        assertThat(a.get(0).id()).isEqualTo(100);
    }

    @Test
    void embeddingsAreUnitLength() {
        new SyntheticCorpus(base(), 3)
                .generate(
                        20,
                        1,
                        1,
                        d -> d.chunks().forEach(c -> {
                            double norm = 0;
                            for (float x : c.embedding()) {
                                norm += x * x;
                            }
                            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                        }));
    }
}
