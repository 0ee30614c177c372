package io.cellardoor.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cellardoor.app.CellarDoorApplication;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.knowledge.Change;
import io.cellardoor.knowledge.DocumentService;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.VersionKind;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.text.CorpusStatistics;
import io.cellardoor.text.KeywordQuery;
import io.cellardoor.text.TermAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The in-process keyword index against the real PostgreSQL: the chunk change outbox is written by the database in the
 * chunk's transaction and numbered in commit order; the index follows imports, edits and deletes; it rebuilds when its
 * folder is missing, its epoch changed or it is ahead of the database, and PostgreSQL full text serves meanwhile;
 * questions in other languages search folded words on both paths.
 */
@SpringBootTest(classes = CellarDoorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeywordIndexIntegrationTests {

    @TempDir
    static Path plugins;

    @TempDir
    static Path indexes;

    @TempDir
    Path knowledge;

    @Autowired
    KeywordIndex index;

    @Autowired
    ChunkChanges changes;

    @Autowired
    HybridRetriever retriever;

    @Autowired
    io.cellardoor.chat.internal.PassageRanker ranker;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    DocumentService documents;

    @Autowired
    TenantService tenants;

    @Autowired
    TenantTransactions tenant;

    @Autowired
    KeywordQuery keywords;

    @Autowired
    Embeddings embeddings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CorpusStatistics statistics;

    @Autowired
    TermAnalyzer analyzer;

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cellardoor.plugins.dir", plugins::toString);
        registry.add("cellardoor.retrieval.keyword-index.dir", indexes::toString);
    }

    JdbcClient asOwner() {
        return JdbcClient.create(new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password")));
    }

    long newOrg() {
        return tenants.ensureOrg("kw-" + UUID.randomUUID().toString().substring(0, 8), "Keyword index");
    }

    void save(long org, String path, String markdown) {
        importer.importDocument(
                org, path, markdown, currentHash(org, path), new Change("editor", VersionKind.SAVE), line -> {});
    }

    String currentHash(long org, String path) {
        return tenant.inOrg(
                org,
                () -> jdbc.sql("SELECT content_hash FROM kb_document WHERE org_id = ? AND path = ?")
                        .params(org, path)
                        .query(String.class)
                        .optional()
                        .orElse(null));
    }

    List<Long> chunkIds(long org, String path) {
        return tenant.inOrg(
                org,
                () -> jdbc.sql("SELECT c.id FROM kb_chunk c JOIN kb_document d ON d.id = c.document_id "
                                + "WHERE c.org_id = ? AND d.path = ? ORDER BY c.id")
                        .params(org, path)
                        .query(Long.class)
                        .list());
    }

    /** A hybrid query of a question as the chat asks it: its keyword text and its question embedding. */
    RetrievalQuery hybrid(long org, String question, int k) {
        return RetrievalQuery.forOrg(org)
                .text(keywords.of(org, question))
                .embedding(embeddings.embedQuestion(question))
                .k(k)
                .build();
    }

    List<Long> search(long org, String text) {
        return Arrays.stream(index.search(org, text, true, List.of(), 40).orElseThrow())
                .boxed()
                .toList();
    }

    @Test
    void theOutboxNumbersEveryChunkChangeOfAnOrgInCommitOrder() {
        long org = newOrg();
        save(org, "wine/riesling.md", "# Riesling\n\nA dry riesling.\n\n## Price\n\n$24 a bottle.\n");
        List<Long> first = chunkIds(org, "wine/riesling.md");
        save(org, "wine/riesling.md", "# Riesling\n\nAn off-dry riesling.\n");
        documents.delete(org, "editor", "wine/riesling.md", null);

        List<Long> numbers = tenant.inOrg(
                org,
                () -> jdbc.sql("SELECT change_id FROM kb_chunk_change WHERE org_id = ? ORDER BY change_id")
                        .param(org)
                        .query(Long.class)
                        .list());
        // two chunks in, two out and one in, one out
        assertThat(numbers).hasSize(first.size() * 2 + 2);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1L);
        }
        assertThat(changes.head(org).lastChange()).isEqualTo(numbers.size());
        assertThat(changes.since(org, 0, 100, true))
                .as("every change names a chunk that is gone now")
                .allMatch(c -> c.chunk() == null);
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM kb_chunk_change WHERE org_id = ? AND change_id IS NULL")
                        .param(org)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theIndexFollowsImportsEditsAndDeletesAtOnce() {
        long org = newOrg();
        save(org, "wine/riesling.md", "# Riesling\n\nA dry riesling with notes of quince and slate.\n");
        assertThat(index.status(org)).isEqualTo(KeywordIndex.Status.READY);
        List<Long> before = chunkIds(org, "wine/riesling.md");
        assertThat(search(org, "quince slate")).containsExactlyElementsOf(before);

        save(org, "wine/riesling.md", "# Riesling\n\nA dry riesling with notes of apricot and flint.\n");
        List<Long> after = chunkIds(org, "wine/riesling.md");
        assertThat(search(org, "quince slate")).isEmpty();
        assertThat(search(org, "apricot flint")).containsExactlyElementsOf(after);

        documents.delete(org, "editor", "wine/riesling.md", null);
        assertThat(search(org, "apricot flint riesling")).isEmpty();
    }

    @Test
    void termStatisticsFromTheIndexNameTheKnownWordAMisspeltOneMeans() {
        long org = newOrg();
        save(org, "wine/chardonnay.md", "# Chardonnay\n\nAn unoaked chardonnay with notes of quince.\n");
        assertThat(index.status(org)).isEqualTo(KeywordIndex.Status.READY);
        CorpusStatistics.Stats stats = statistics.of(org);
        assertThat(stats.documentFrequency()).isInstanceOf(DocumentFrequencies.class);

        String known = analyzer.termList("chardonnay").getFirst();
        String misspelt = known.substring(0, 3) + known.substring(4);
        assertThat(stats.known(known)).isTrue();
        assertThat(stats.known(misspelt)).isFalse();
        assertThat(stats.closestKnown(misspelt)).contains(known);
        assertThat(stats.closestKnown("zzzzzzzz")).isEmpty();
    }

    @Test
    void anAcronymFindsTheChunkSpellingOutTheNameWithoutBecomingAKnownWord() {
        long org = newOrg();
        save(org, "visiting/directions.md", "# Directions\n\nAbout 2 hours north of New York City by car.\n");
        save(org, "visiting/hours.md", "# Hours\n\nOpen from noon, north entrance.\n");
        assertThat(index.status(org)).isEqualTo(KeywordIndex.Status.READY);
        assertThat(search(org, "nyc")).containsExactlyElementsOf(chunkIds(org, "visiting/directions.md"));
        assertThat(statistics.of(org).known("nyc"))
                .as("initials are no word of the knowledge: the answer still reads them as a name")
                .isFalse();
    }

    @Test
    void aTwoWordNameSearchesTheKindItIsOf() {
        long org = newOrg();
        save(org, "visiting/hours.md", "# Hours\n\nWe are closed on most major holidays.\n");
        save(org, "event/harvest.md", "# Harvest\n\nEvery day of the harvest is a party.\n");
        save(org, "visiting/tours.md", "# Tours\n\nTours run every day at noon.\n");
        save(org, "club/pickup.md", "# Pick-up\n\nPick-up day is in March.\n");
        String text = keywords.of(org, "are you open on memorial day?", "en");
        assertThat(text).as("Memorial Day is a legal holiday").contains("holiday");
        assertThat(search(org, text).getFirst())
                .isEqualTo(chunkIds(org, "visiting/hours.md").getFirst());
        assertThat(keywords.of(org, "are you open on memorial day?")).doesNotContain("holiday");
    }

    @Test
    void aQuestionOfThousandsOfWordsSearchesItsFirstWordsInsteadOfFailing() {
        long org = newOrg();
        save(org, "wine/riesling.md", "# Riesling\n\nA dry riesling with notes of quince and slate.\n");
        StringBuilder text = new StringBuilder("quince");
        for (int i = 0; i < 3000; i++) {
            text.append(" word").append(i).append("x");
        }
        assertThat(search(org, text.toString())).containsExactlyElementsOf(chunkIds(org, "wine/riesling.md"));
        assertThat(index.search(org, text.toString(), false, List.of(), 40)).isPresent();
    }

    @Test
    void anotherInstancesCommitIsFollowedWithoutAnImportEventHere() throws Exception {
        long org = newOrg();
        save(org, "wine/riesling.md", "# Riesling\n\nA dry riesling.\n");
        long doc = asOwner()
                .sql("SELECT id FROM kb_document WHERE org_id = ?")
                .param(org)
                .query(Long.class)
                .single();
        // A chunk written by "another instance": straight SQL, no event in this JVM.
        long added = asOwner().sql("""
                        INSERT INTO kb_chunk (org_id, document_id, folder, ordinal, heading_path, content, content_hash,
                                              embedding, tsv, tsv_simple)
                        SELECT org_id, document_id, folder, 99, '', 'A note about obsidian terroir.', 'h',
                               embedding, to_tsvector('english', 'obsidian terroir'),
                               to_tsvector('cellardoor_simple', 'obsidian terroir')
                        FROM kb_chunk WHERE document_id = ? LIMIT 1
                        RETURNING id""").param(doc).query(Long.class).single();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!search(org, "obsidian").contains(added) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50); // the database's notification reaches the listener
        }
        assertThat(search(org, "obsidian")).containsExactly(added);
    }

    @Test
    void aMissingOrStaleIndexIsRebuiltWhilePostgresqlServes() throws Exception {
        long org = newOrg();
        save(org, "wine/riesling.md", "# Riesling\n\nA dry riesling with notes of quince and slate.\n");
        List<Long> ids = chunkIds(org, "wine/riesling.md");
        KeywordIndex.Rebuild first = index.lastRebuild(org).orElseThrow();
        assertThat(first.chunks()).isEqualTo(ids.size());

        // Another instance with an empty folder: nothing on disk, so it rebuilds; until then PostgreSQL serves.
        Path elsewhere = Files.createTempDirectory(indexes, "other");
        KeywordIndex other =
                new KeywordIndex(new KeywordIndexProperties(true, elsewhere, null, null, 0, 0), changes, environment);
        try {
            assertThat(other.status(org)).isEqualTo(KeywordIndex.Status.ABSENT);
            HybridRetriever viaOther = new HybridRetriever(jdbc, tenant, other::search, keywords, false, "auto", 0);
            RetrievalQuery query = RetrievalQuery.forOrg(org)
                    .text("quince slate")
                    .embedding(embeddings.embed("quince slate"))
                    .mode(RetrievalMode.FULL_TEXT)
                    .build();
            assertThat(viaOther.retrieve(query))
                    .as("PostgreSQL full text while the index is built")
                    .extracting(RetrievedChunk::chunkId)
                    .containsExactlyElementsOf(ids);
            assertThat(other.awaitReady(org)).isEqualTo(KeywordIndex.Status.READY);
            assertThat(other.lastRebuild(org)).isPresent();
            assertThat(viaOther.retrieve(query))
                    .extracting(RetrievedChunk::chunkId)
                    .containsExactlyElementsOf(ids);
        } finally {
            other.destroy();
        }

        // A new epoch (a restored database, a bulk load past the outbox): this instance rebuilds.
        asOwner()
                .sql("UPDATE kb_chunk_change_seq SET epoch = gen_random_uuid() WHERE org_id = ?")
                .param(org)
                .update();
        index.catchUp(org);
        assertThat(index.lastRebuild(org).orElseThrow()).isNotEqualTo(first);
        assertThat(search(org, "quince")).containsExactlyElementsOf(ids);

        // An index ahead of the database (the database went back to an earlier backup): rebuilt too.
        KeywordIndex.Rebuild second = index.lastRebuild(org).orElseThrow();
        asOwner()
                .sql("UPDATE kb_chunk_change_seq SET last_change = 0 WHERE org_id = ?")
                .param(org)
                .update();
        index.catchUp(org);
        assertThat(index.lastRebuild(org).orElseThrow()).isNotEqualTo(second);
        assertThat(index.lastRebuild(org).orElseThrow().appliedChange()).isZero();
    }

    @Test
    void anIndexOnDiskThatMatchesTheDatabaseIsReopenedNotRebuilt() throws Exception {
        long org = newOrg();
        save(org, "wine/riesling.md", "# Riesling\n\nA dry riesling with notes of quince and slate.\n");
        Path folder = Files.createTempDirectory(indexes, "restart");
        KeywordIndexProperties settings = new KeywordIndexProperties(true, folder, null, null, 0, 0);
        KeywordIndex before = new KeywordIndex(settings, changes, environment);
        try {
            assertThat(before.awaitReady(org)).isEqualTo(KeywordIndex.Status.READY);
            assertThat(before.lastRebuild(org)).as("nothing on disk yet").isPresent();
        } finally {
            before.destroy();
        }
        save(org, "wine/slate.md", "# Slate\n\nThe slate soils of the quince orchard.\n");
        KeywordIndex restarted = new KeywordIndex(settings, changes, environment);
        try {
            assertThat(restarted.awaitReady(org)).isEqualTo(KeywordIndex.Status.READY);
            assertThat(restarted.lastRebuild(org))
                    .as("reopened and caught up, not rebuilt")
                    .isEmpty();
            assertThat(restarted.search(org, "quince", true, List.of(), 10).orElseThrow())
                    .hasSize(chunkIds(org, "wine/riesling.md").size()
                            + chunkIds(org, "wine/slate.md").size());
        } finally {
            restarted.destroy();
        }
    }

    @Test
    void aSpanishQuestionNamingAProductFindsItsPageThroughTheFullTextBranch() throws Exception {
        long org = newOrg();
        Files.createDirectories(knowledge.resolve("wine"));
        Files.writeString(knowledge.resolve("wine/cremant.md"), """
                # Crémant de Bourgogne Brut

                Our sparkling wine made in the traditional method, with fine bubbles and notes of green apple.

                ## Price
                $32 a bottle.
                """);
        Files.writeString(knowledge.resolve("wine/gruner.md"), """
                # Grüner Veltliner 2024

                A crisp white wine with white pepper and lime. Grown on the estate.
                """);
        Files.writeString(knowledge.resolve("wine/riesling.md"), """
                # Dry Riesling

                A dry white wine with notes of quince. Pairs with spicy food.
                """);
        importer.importFolder(org, knowledge, line -> {});
        index.awaitReady(org);
        String question = "¿Cuánto cuesta una botella de cremant de bourgogne?";
        String text = keywords.of(org, question);
        HybridRetriever postgres =
                new HybridRetriever(jdbc, tenant, (o, t, e, f, n) -> Optional.empty(), keywords, false, "auto", 0);
        for (HybridRetriever path : List.of(retriever, postgres)) {
            RetrievalQuery spanish = RetrievalQuery.forOrg(org)
                    .text(text)
                    .embedding(embeddings.embed(question))
                    .mode(RetrievalMode.FULL_TEXT)
                    .language("es")
                    .build();
            List<RetrievedChunk> found = path.retrieve(spanish);
            assertThat(found)
                    .as(path == retriever ? "keyword index" : "PostgreSQL")
                    .isNotEmpty();
            assertThat(found.get(0).path()).isEqualTo("wine/cremant.md");
            assertThat(found.get(0).fullTextRank()).isEqualTo(1);
        }
        // The English analysis keeps the accent ("crémant"), so the same words find nothing there.
        RetrievalQuery asEnglish = RetrievalQuery.forOrg(org)
                .text("cremant")
                .embedding(embeddings.embed(question))
                .mode(RetrievalMode.FULL_TEXT)
                .build();
        assertThat(postgres.retrieve(asEnglish)).isEmpty();
    }

    @Test
    void aSmallTenantsVectorBranchIsAnExactScanInTheOrderOfFullPrecisionCosine() {
        long org = newOrg();
        List<String> topics = List.of(
                "Tastings run Friday to Sunday in the barn.",
                "The reserve cabernet franc ages eighteen months in French oak.",
                "Club members collect four bottles each season.",
                "Weddings seat up to one hundred and fifty guests.",
                "Dogs on a leash are welcome on the patio.",
                "The farm store sells cheese, bread and local honey.",
                "Picnic tables overlook the vineyard rows.",
                "Sparkling wine is made in the traditional method.");
        for (int i = 0; i < topics.size(); i++) {
            save(org, "exact/topic-" + i + ".md", "# Topic " + i + "\n\n" + topics.get(i) + "\n");
        }
        assertThat(index.awaitReady(org)).isEqualTo(KeywordIndex.Status.READY);
        assertThat(retriever.exact(org))
                .as("a tenant of %d chunks scans exactly", topics.size())
                .isTrue();
        HybridRetriever indexOnly =
                new HybridRetriever(jdbc, tenant, (o, t, e, f, n) -> Optional.empty(), keywords, false, "auto", 0);
        assertThat(indexOnly.exact(org)).isFalse();

        float[] question = embeddings.embedQuestion("can I bring my dog?");
        RetrievalQuery query = RetrievalQuery.forOrg(org)
                .text("can I bring my dog?")
                .embedding(question)
                .k(topics.size())
                .mode(RetrievalMode.VECTOR)
                .build();
        List<RetrievedChunk> found = retriever.retrieve(query);
        // The brute-force order of the same embeddings, by full-precision cosine similarity.
        List<Long> expected = tenant.inOrg(
                org,
                () -> jdbc.sql("SELECT id FROM kb_chunk WHERE org_id = ? ORDER BY embedding <=> ?::vector, id")
                        .params(org, new com.pgvector.PGvector(question).toString())
                        .query(Long.class)
                        .list());
        assertThat(found).extracting(RetrievedChunk::chunkId).containsExactlyElementsOf(expected);
        assertThat(found.getFirst().text()).contains("Dogs on a leash");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).cosineSimilarity())
                    .isLessThanOrEqualTo(found.get(i - 1).cosineSimilarity());
        }
    }

    @Test
    void aPageStoredTwiceComesBackOnceAndLeavesItsPlaceToAnotherPassage() throws Exception {
        long org = newOrg();
        Files.createDirectories(knowledge.resolve("events"));
        String weddings = """
                # Weddings

                Weddings in the barn seat up to one hundred and fifty guests, with the ceremony on the lawn.
                """;
        Files.writeString(knowledge.resolve("events/weddings-a.md"), weddings);
        Files.writeString(knowledge.resolve("events/weddings-b.md"), weddings);
        Files.writeString(knowledge.resolve("events/rehearsal.md"), """
                # Rehearsal dinners

                Rehearsal dinners for wedding guests are served in the barn's loft, up to forty guests.
                """);
        Files.writeString(knowledge.resolve("events/hours.md"), """
                # Hours

                Open Thursday to Monday, noon to six.
                """);
        for (String colour : List.of("Black", "Orange")) {
            Files.writeString(
                    knowledge.resolve("events/" + colour.toLowerCase() + "-hoodie.md"), """
                    # %s Hoodie

                    ## Product Information
                    - **Type**: Merchandise
                    - **Price**: $35.00
                    """.formatted(colour));
        }
        importer.importFolder(org, knowledge, line -> {});
        assertThat(index.awaitReady(org)).isEqualTo(KeywordIndex.Status.READY);
        HybridRetriever statement =
                new HybridRetriever(jdbc, tenant, (o, t, e, f, n) -> Optional.empty(), keywords, false, "gin", 0);
        RetrievalQuery query = hybrid(org, "how many guests can a wedding in the barn have?", 2);
        for (HybridRetriever way : List.of(retriever, statement)) {
            List<RetrievedChunk> found = way.retrieve(query);
            assertThat(found).hasSize(2);
            assertThat(found.getFirst().text()).contains("one hundred and fifty");
            assertThat(found).extracting(RetrievedChunk::text).doesNotHaveDuplicates();
            assertThat(found.get(1).path()).isEqualTo("events/rehearsal.md");
        }
        // A handler boosting both copies: the one retrieval left out is fetched, and is still one passage with the
        // other.
        List<RetrievedChunk> ranked = ranker.rank(
                org,
                retriever.retrieve(query),
                new io.cellardoor.plugin.api.RetrievalPlan(
                        4, Map.of(), List.of("events/weddings-a.md", "events/weddings-b.md")),
                query.text(),
                query.embedding(),
                "en");
        assertThat(ranked).extracting(RetrievedChunk::text).doesNotHaveDuplicates();
        assertThat(ranked.getFirst().text()).contains("one hundred and fifty");
        RetrievalQuery products = hybrid(org, "how much is a hoodie?", 2);
        for (HybridRetriever way : List.of(retriever, statement)) {
            assertThat(way.retrieve(products))
                    .as("two products whose pages differ in their titles only")
                    .extracting(RetrievedChunk::title)
                    .containsExactlyInAnyOrder("Black Hoodie", "Orange Hoodie");
        }
    }

    @Test
    void aSmallTenantsFusionInProcessRanksAsTheHybridStatementDoes() throws Exception {
        long org = newOrg();
        for (String folder : List.of("wine", "visit", "club")) {
            Files.createDirectories(knowledge.resolve(folder));
        }
        Files.writeString(knowledge.resolve("wine/riesling.md"), """
                # Dry Riesling

                A dry white wine with notes of quince and lime. Pairs with spicy food. $24 a bottle.

                ## Vineyard
                Grown on the estate's slate slope above the river.
                """);
        Files.writeString(knowledge.resolve("wine/cremant.md"), """
                # Crémant Brut

                Our sparkling wine made in the traditional method, with fine bubbles. $32 a bottle.
                """);
        Files.writeString(knowledge.resolve("wine/cabernet.md"), """
                # Cabernet Franc Reserve

                A red wine aged eighteen months in French oak. $38 a bottle.
                """);
        Files.writeString(knowledge.resolve("visit/tastings.md"), """
                # Tastings

                Tastings run Friday to Sunday in the barn, $25 a person, five wines.

                ## Groups
                Parties of more than eight book ahead.

                ## Dogs
                Dogs on a leash are welcome on the patio.
                """);
        Files.writeString(knowledge.resolve("visit/hours.md"), """
                # Hours

                Open Thursday to Monday, noon to six. Closed on Tuesdays and Wednesdays.
                """);
        Files.writeString(knowledge.resolve("club/club.md"), """
                # Wine Club

                Members collect four bottles each season and taste for free. Shipping is included.
                """);
        importer.importFolder(org, knowledge, line -> {});
        assertThat(index.awaitReady(org)).isEqualTo(KeywordIndex.Status.READY);
        HybridRetriever.KeywordSearch statementOnly = new HybridRetriever.KeywordSearch() {
            @Override
            public Optional<long[]> search(long o, String text, boolean english, List<String> folders, int n) {
                return index.search(o, text, english, folders, n);
            }

            @Override
            public java.util.OptionalInt chunks(long o) {
                return java.util.OptionalInt.of(
                        index.statistics(o).orElseThrow().chunks());
            }
        };
        HybridRetriever statement = new HybridRetriever(jdbc, tenant, statementOnly, keywords, false, "auto", 2000);
        assertThat(statement.exact(org)).isTrue();

        record Asked(
                String question,
                String language,
                RetrievalMode mode,
                Map<String, Double> weights,
                List<String> only,
                List<String> boost) {}
        List<Asked> asked = List.of(
                new Asked(
                        "how much is a tasting for a group?",
                        "en",
                        RetrievalMode.HYBRID,
                        Map.of(),
                        List.of(),
                        List.of()),
                new Asked(
                        "which red wine ages in oak?",
                        "en",
                        RetrievalMode.HYBRID,
                        Map.of("wine", 1.0),
                        List.of(),
                        List.of("visit/hours.md")),
                new Asked("can I bring my dog?", "en", RetrievalMode.VECTOR, Map.of(), List.of(), List.of()),
                new Asked(
                        "sparkling bottle price", "en", RetrievalMode.FULL_TEXT, Map.of(), List.of("wine"), List.of()),
                new Asked(
                        "when can we come for a tasting?",
                        "en",
                        RetrievalMode.HYBRID,
                        Map.of(),
                        List.of("visit", "club"),
                        List.of()),
                new Asked(
                        "¿Cuánto cuesta el crémant?",
                        "es",
                        RetrievalMode.HYBRID,
                        Map.of("club", 0.2),
                        List.of(),
                        List.of("wine/cremant.md")));
        for (Asked a : asked) {
            String text = keywords.of(org, a.question());
            float[] embedding = embeddings.embedQuestion(a.question());
            RetrievalQuery query = RetrievalQuery.forOrg(org)
                    .text(text)
                    .embedding(embedding)
                    .k(10)
                    .mode(a.mode())
                    .language(a.language())
                    .weights(Map.copyOf(a.weights()), 0.6)
                    .onlyFolders(a.only())
                    .boostPaths(a.boost())
                    .build();
            assertThat(index.candidates(query, 40, 40))
                    .as("the fusion runs in process for %s", a.question())
                    .isPresent();
            List<RetrievedChunk> expected = statement.retrieve(query);
            List<RetrievedChunk> found = retriever.retrieve(query);
            assertThat(expected).as(a.question()).isNotEmpty();
            assertThat(found)
                    .as(a.question())
                    .extracting(RetrievedChunk::chunkId)
                    .containsExactlyElementsOf(
                            expected.stream().map(RetrievedChunk::chunkId).toList());
            for (int i = 0; i < found.size(); i++) {
                RetrievedChunk f = found.get(i);
                RetrievedChunk e = expected.get(i);
                assertThat(f.fullTextRank()).as(a.question()).isEqualTo(e.fullTextRank());
                assertThat(f.vectorRank()).as(a.question()).isEqualTo(e.vectorRank());
                assertThat(f.score()).as(a.question()).isCloseTo(e.score(), within(1e-9));
                assertThat(f.cosineSimilarity()).as(a.question()).isCloseTo(e.cosineSimilarity(), within(1e-5));
                assertThat(List.of(f.path(), f.title(), f.folder(), f.headingPath(), f.text()))
                        .isEqualTo(List.of(e.path(), e.title(), e.folder(), e.headingPath(), e.text()));
            }
        }
    }
}
