package io.cellardoor.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.app.CellarDoorApplication;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full-text branch over the RUM index (when the rum extension is installed, as {@code ./cellardoor test} does)
 * against the same branch over GIN, on the real PostgreSQL: chosen automatically, and the same ranking whenever a
 * tenant's matches fit the RUM branch's pool.
 */
@SpringBootTest(classes = CellarDoorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FullTextIndexIntegrationTests {

    @TempDir
    static Path plugins;

    @TempDir
    Path knowledge;

    @Autowired
    HybridRetriever retriever;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    TenantService tenants;

    @Autowired
    Embeddings embeddings;

    @Autowired
    io.cellardoor.tenant.TenantTransactions tenant;

    @Autowired
    io.cellardoor.text.KeywordQuery keywords;

    /** A retriever whose keyword branch is PostgreSQL full text over the given index. */
    HybridRetriever postgres(String fullTextIndex) {
        return new HybridRetriever(
                jdbc,
                tenant,
                (org, text, english, folders, n) -> java.util.Optional.empty(),
                keywords,
                false,
                fullTextIndex,
                0);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cellardoor.plugins.dir", plugins::toString);
    }

    /** Chunk id and full-text rank of each result, in order. */
    private static List<String> ranks(List<RetrievedChunk> chunks) {
        return chunks.stream().map(c -> c.chunkId() + "@" + c.fullTextRank()).toList();
    }

    @Test
    void autoChoosesTheRumIndexExactlyWhenItExists() {
        boolean rumIndex = jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                .param(HybridRetriever.RUM_INDEX)
                .query(Boolean.class)
                .single();
        assertThat(retriever.sql().contains("c.tsv <=>")).isEqualTo(rumIndex);
        assertThat(postgres("gin").sql()).doesNotContain("c.tsv <=>").contains("ts_rank_cd");
        assertThatThrownBy(() -> postgres("bm25"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, gin or rum");
    }

    @Test
    void rumAndGinRankTheSameWhenTheMatchesFitThePool() throws Exception {
        Assumptions.assumeTrue(
                jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                        .param(HybridRetriever.RUM_INDEX)
                        .query(Boolean.class)
                        .single(),
                "the rum extension is not installed in this database");
        long org = tenants.ensureOrg("fts-" + UUID.randomUUID().toString().substring(0, 8), "Full text");
        String[] wines = {
            "Riesling", "Cabernet Franc", "Chardonnay", "Pinot Noir", "Gewurztraminer", "Rosé", "Sparkling"
        };
        for (int i = 0; i < wines.length; i++) {
            Files.createDirectories(knowledge.resolve("wine"));
            Files.writeString(knowledge.resolve("wine/w" + i + ".md"), """
                    # %s

                    ## Tasting notes
                    Our %s is a dry wine with %s fruit, aged %d months. Pairs with %s.

                    ## Price
                    A bottle of %s costs $%d; club members save 15%% on every bottle.
                    """.formatted(
                            wines[i],
                            wines[i],
                            i % 2 == 0 ? "stone" : "red",
                            6 + i,
                            i % 2 == 0 ? "fish" : "lamb",
                            wines[i],
                            20 + i));
        }
        importer.importFolder(org, knowledge, line -> {});
        HybridRetriever gin = postgres("gin");
        HybridRetriever rum = postgres("rum");
        for (String question : List.of(
                "dry wine stone fruit",
                "price bottle club members",
                "pairs with lamb",
                "Riesling aged months",
                "sparkling rosé")) {
            for (RetrievalMode mode : List.of(RetrievalMode.FULL_TEXT, RetrievalMode.HYBRID)) {
                RetrievalQuery query = RetrievalQuery.forOrg(org)
                        .text(question)
                        .embedding(embeddings.embed(question))
                        .k(8)
                        .mode(mode)
                        .build();
                List<RetrievedChunk> viaGin = gin.retrieve(query);
                assertThat(viaGin).as(question).isNotEmpty();
                assertThat(ranks(rum.retrieve(query))).as(question + " " + mode).isEqualTo(ranks(viaGin));
            }
        }
    }
}
