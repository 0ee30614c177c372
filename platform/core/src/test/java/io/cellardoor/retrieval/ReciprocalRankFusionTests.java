package io.cellardoor.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellardoor.retrieval.ReciprocalRankFusion.Candidate;
import io.cellardoor.retrieval.ReciprocalRankFusion.Fused;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTests {

    static Candidate chunk(long id, long document, String folder, int keywordRank, int vectorRank) {
        return new Candidate(id, document, folder + "/doc-" + document + ".md", folder, keywordRank, vectorRank, 0.5);
    }

    static List<Long> ids(List<Fused> fused) {
        return fused.stream().map(f -> f.candidate().chunkId()).toList();
    }

    @Test
    void aChunkBothBranchesFoundOutranksOnesEachFoundAlone() {
        List<Fused> fused = ReciprocalRankFusion.fuse(
                List.of(chunk(1, 1, "wines", 1, 0), chunk(2, 2, "wines", 0, 1), chunk(3, 3, "wines", 3, 2)),
                Map.of(),
                1.0,
                List.of(),
                10);
        assertThat(ids(fused)).containsExactly(3L, 1L, 2L);
        assertThat(fused.getFirst().score()).isCloseTo(1.0 / 63 + 1.0 / 62, within(1e-15));
        // 1 and 2 tie (1/61 each): the lower chunk id first.
        assertThat(fused.get(1).score()).isEqualTo(fused.get(2).score());
    }

    @Test
    void folderWeightsMultiplyTheScoreAndOtherFoldersGetTheDefault() {
        List<Fused> fused = ReciprocalRankFusion.fuse(
                List.of(chunk(1, 1, "events", 1, 1), chunk(2, 2, "wines", 2, 2), chunk(3, 3, "shop", 3, 3)),
                Map.of("events", 0.25),
                0.5,
                List.of(),
                10);
        assertThat(ids(fused)).containsExactly(2L, 3L, 1L);
        assertThat(fused.getFirst().score()).isCloseTo(0.5 * 2 / 62.0, within(1e-15));
        assertThat(fused.getLast().score()).isCloseTo(0.25 * 2 / 61.0, within(1e-15));
    }

    @Test
    void onlyTheBestChunkOfABoostedDocumentIsRankedFirst() {
        List<Fused> fused = ReciprocalRankFusion.fuse(
                List.of(
                        chunk(1, 1, "wines", 1, 1),
                        chunk(7, 2, "hours", 5, 6),
                        chunk(8, 2, "hours", 4, 0),
                        chunk(9, 2, "hours", 0, 9)),
                Map.of(),
                1.0,
                List.of("hours/doc-2.md"),
                3);
        assertThat(ids(fused)).containsExactly(7L, 1L, 8L);
        assertThat(fused.getFirst().score()).isCloseTo(HybridRetriever.BOOST + 1.0 / 65 + 1.0 / 66, within(1e-15));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 64, within(1e-15));
    }
}
