package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.audit.AuditEvent;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.cache.SemanticCache;
import io.cellardoor.chat.internal.ConversationStore;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.handoff.HandoffRequest;
import io.cellardoor.handoff.HandoffService;
import io.cellardoor.knowledge.DocumentReads;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.knowledge.KnowledgeStore;
import io.cellardoor.knowledge.StaleDocumentException;
import io.cellardoor.plugin.PluginDomains;
import io.cellardoor.plugin.TenantPluginContext;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.retrieval.HybridRetriever;
import io.cellardoor.retrieval.RetrievalQuery;
import io.cellardoor.retrieval.RetrievedChunk;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.widget.internal.WidgetStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Org A's visitors and staff never reach org B's knowledge, conversations, handoffs or settings: through the chat API
 * with A's site key (even when B's chunks and cached answers match the question far better than anything of A's), and
 * through the services the console and the admin API call with A's org id.
 */
class TenantIsolationIntegrationTests extends IntegrationTestSupport {

    static final String QUESTION = "What is the watchword of the Moonlight Cellar Society?";
    static final String SECRET = "zephyr-quartz-917";
    static final String B_PATH = "club/moonlight-society.md";
    static final String B_DOCUMENT = """
            # Moonlight Cellar Society watchword

            The watchword of the Moonlight Cellar Society is %s. Members say the Moonlight Cellar Society watchword at
            the door of the cellar on the first Friday of the month.
            """.formatted(SECRET);

    @Autowired
    TenantService tenants;

    @Autowired
    TenantTransactions tenant;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    KnowledgeStore knowledge;

    @Autowired
    DocumentReads documents;

    @Autowired
    HybridRetriever retriever;

    @Autowired
    Embeddings embeddings;

    @Autowired
    PluginDomains plugins;

    @Autowired
    SemanticCache cache;

    @Autowired
    HandoffService handoffs;

    @Autowired
    ConversationStore conversations;

    @Autowired
    AuditLog audit;

    @Autowired
    WidgetStore widgets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    io.cellardoor.retrieval.KeywordIndex keywordIndex;

    long a;
    long b;
    String keyA;
    String keyB;

    @BeforeEach
    void orgBKnowsTheAnswerAndOrgADoesNot() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        a = tenants.ensureOrg("iso-a-" + suffix, "Isolation A");
        b = tenants.ensureOrg("iso-b-" + suffix, "Isolation B");
        keyA = "iso-a-key-" + suffix;
        keyB = "iso-b-key-" + suffix;
        tenants.ensureSite(a, keyA, "Isolation A");
        tenants.ensureSite(b, keyB, "Isolation B");
        importer.importDocument(
                a,
                "visiting/tasting-room.md",
                """
                # Tasting room

                Our tasting room pours five wines daily. Ask the staff about the club.
                """,
                null,
                new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                line -> {});
        importer.importDocument(
                b,
                B_PATH,
                B_DOCUMENT,
                null,
                new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                line -> {});
    }

    @Test
    void aSiteKeyOfOrgANeverRetrievesOrgBsChunks() {
        var asB = post("/api/v1/chat", keyB, json.writeValueAsString(Map.of("message", QUESTION)));
        assertThat(asB.body())
                .as("B's own visitors get B's answer")
                .contains(SECRET)
                .contains(B_PATH);

        for (String path : List.of("/api/v1/chat", "/api/v1/chat/stream")) {
            var asA = post(path, keyA, json.writeValueAsString(Map.of("message", QUESTION)));
            assertThat(asA.statusCode()).isEqualTo(200);
            assertThat(asA.body())
                    .as(path)
                    .doesNotContain(SECRET)
                    .doesNotContain(B_PATH)
                    .doesNotContain("Moonlight");
        }

        float[] question = embeddings.embed(QUESTION);
        List<RetrievedChunk> chunks = retriever.retrieve(RetrievalQuery.forOrg(a)
                .text(QUESTION)
                .embedding(question)
                .k(20)
                .boostPaths(List.of(B_PATH))
                .build());
        assertThat(chunks).isNotEmpty().extracting(RetrievedChunk::path).containsOnly("visiting/tasting-room.md");

        var context = new TenantPluginContext(a, "iso-a", plugins, retriever, documents, embeddings);
        assertThat(context.search("club", QUESTION, 20))
                .extracting(Passage::path)
                .doesNotContain(B_PATH);
        assertThat(context.search("general", QUESTION, 20))
                .extracting(Passage::path)
                .doesNotContain(B_PATH);
        assertThat(context.readDocument(B_PATH)).isEmpty();
        assertThat(context.listDocuments("club")).isEmpty();

        // Even SQL that forgets the org filter finds only A's chunks when it runs as A.
        List<Long> nearest = tenant.inOrg(
                a,
                () -> jdbc.sql("SELECT org_id FROM kb_chunk ORDER BY embedding <=> ? LIMIT 20")
                        .param(new com.pgvector.PGvector(question))
                        .query(Long.class)
                        .list());
        assertThat(nearest).isNotEmpty().containsOnly(a);
    }

    /**
     * With the keyword branch read from each org's in-process Lucene index, that index can be behind the database: here
     * it is made arbitrarily stale (the changes are written with the outbox triggers off, so it never learns of them)
     * and still proposes a chunk that has since moved to org B and one that was deleted. The hybrid query joins every
     * proposed id back to {@code kb_chunk} as org A under row-level security, so neither comes back.
     */
    @Test
    void withTheKeywordIndexOnASiteKeyOfOrgANeverSeesAChunkThatMovedToOrgBOrWasDeleted() {
        String secret = "amber-falcon-204";
        importer.importDocument(
                a,
                "event/lantern-evening.md",
                """
                # Saffron lantern evening

                The saffron lantern evening admits members with the word %s at the cellar door.
                """.formatted(secret),
                null,
                new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                line -> {});
        importer.importDocument(
                a,
                "visiting/obsidian-tour.md",
                "# Obsidian courtyard tour\n\nThe obsidian courtyard tour starts at noon.\n",
                null,
                new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                line -> {});
        assertThat(keywordIndex.awaitReady(a)).isEqualTo(io.cellardoor.retrieval.KeywordIndex.Status.READY);
        long moving = chunkOf(a, "event/lantern-evening.md");
        long deleted = chunkOf(a, "visiting/obsidian-tour.md");
        long documentOfB = asOwner()
                .sql("SELECT id FROM kb_document WHERE org_id = ? AND path = ?")
                .params(b, B_PATH)
                .query(Long.class)
                .single();
        behindTheIndexesBack(List.of(
                "UPDATE kb_chunk SET org_id = " + b + ", document_id = " + documentOfB + ", ordinal = 1000 WHERE id = "
                        + moving,
                "DELETE FROM kb_chunk WHERE id = " + deleted));
        try {
            assertThat(keywordIndex
                            .search(a, "saffron lantern evening", true, List.of(), 40)
                            .orElseThrow())
                    .as("A's index is stale: it still proposes the moved chunk")
                    .contains(moving);
            assertThat(keywordIndex
                            .search(a, "obsidian courtyard tour", true, List.of(), 40)
                            .orElseThrow())
                    .as("and the deleted one")
                    .contains(deleted);

            for (String question : List.of(
                    "What is the word for the saffron lantern evening?",
                    "When does the obsidian courtyard tour start?")) {
                for (String path : List.of("/api/v1/chat", "/api/v1/chat/stream")) {
                    var asA = post(path, keyA, json.writeValueAsString(Map.of("message", question)));
                    assertThat(asA.statusCode()).isEqualTo(200);
                    assertThat(asA.body()).as(path).doesNotContain(secret).doesNotContain(B_PATH);
                }
                List<RetrievedChunk> chunks = retriever.retrieve(RetrievalQuery.forOrg(a)
                        .text(question)
                        .embedding(embeddings.embed(question))
                        .k(20)
                        .build());
                assertThat(chunks).extracting(RetrievedChunk::chunkId).doesNotContain(moving, deleted);
                assertThat(chunks).extracting(RetrievedChunk::text).noneMatch(t -> t.contains(secret));
            }
        } finally {
            // The indexes were told nothing: a new epoch makes them rebuild from the database.
            asOwner()
                    .sql("UPDATE kb_chunk_change_seq SET epoch = gen_random_uuid() WHERE org_id IN (?, ?)")
                    .params(a, b)
                    .update();
            keywordIndex.catchUp(a);
            keywordIndex.awaitReady(b);
        }
        assertThat(keywordIndex
                        .search(a, "saffron lantern evening obsidian", true, List.of(), 40)
                        .orElseThrow())
                .doesNotContain(moving, deleted);
        // A small tenant's retrieval runs on its index here (both branches): B finds the chunk once its index follows.
        String question = "What is the word for the saffron lantern evening?";
        assertThat(retriever.retrieve(RetrievalQuery.forOrg(b)
                        .text(question)
                        .embedding(embeddings.embed(question))
                        .k(20)
                        .build()))
                .as("the moved chunk is B's now, and B finds it")
                .extracting(RetrievedChunk::chunkId)
                .contains(moving);
    }

    /** A chunk that moves with the outbox on: the very next questions, before or after A's index follows. */
    @Test
    void aChunkMovingToOrgBIsNeverServedToOrgAWhileTheIndexFollows() {
        String secret = "cobalt-heron-377";
        importer.importDocument(
                a,
                "event/heron-supper.md",
                "# Cobalt heron supper\n\nThe cobalt heron supper door word is %s.\n".formatted(secret),
                null,
                new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                line -> {});
        keywordIndex.awaitReady(a);
        long moving = chunkOf(a, "event/heron-supper.md");
        long documentOfB = asOwner()
                .sql("SELECT id FROM kb_document WHERE org_id = ? AND path = ?")
                .params(b, B_PATH)
                .query(Long.class)
                .single();
        asOwner()
                .sql("UPDATE kb_chunk SET org_id = ?, document_id = ?, ordinal = 1001 WHERE id = ?")
                .params(b, documentOfB, moving)
                .update();
        for (int i = 0; i < 5; i++) {
            var asA = post(
                    "/api/v1/chat",
                    keyA,
                    json.writeValueAsString(Map.of("message", "What is the cobalt heron supper door word?")));
            assertThat(asA.body()).doesNotContain(secret).doesNotContain(B_PATH);
        }
        keywordIndex.catchUp(a);
        assertThat(keywordIndex
                        .search(a, "cobalt heron supper", true, List.of(), 40)
                        .orElseThrow())
                .as("once followed, A's index no longer has it")
                .doesNotContain(moving);
    }

    long chunkOf(long org, String path) {
        return asOwner()
                .sql("SELECT c.id FROM kb_chunk c JOIN kb_document d ON d.id = c.document_id "
                        + "WHERE c.org_id = ? AND d.path = ? ORDER BY c.id LIMIT 1")
                .params(org, path)
                .query(Long.class)
                .single();
    }

    /** Runs statements as the owner in one transaction with kb_chunk's outbox triggers off. */
    void behindTheIndexesBack(List<String> statements) {
        var ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
        try (var c = ds.getConnection();
                var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("ALTER TABLE kb_chunk DISABLE TRIGGER USER");
            for (String sql : statements) {
                st.execute(sql);
            }
            st.execute("ALTER TABLE kb_chunk ENABLE TRIGGER USER");
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void orgBsCachedAnswerIsNeverServedToOrgA() {
        String normalised = QUESTION.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[?!.,;:]+", " ")
                .strip();
        cache.put(b, QUESTION, embeddings.embed(normalised), "B's cached secret: " + SECRET, "club", List.of());
        assertThat(cache.find(b, embeddings.embed(normalised), Object.class)).isPresent();
        assertThat(cache.find(a, embeddings.embed(normalised), Object.class)).isEmpty();

        var asA = post("/api/v1/chat", keyA, json.writeValueAsString(Map.of("message", QUESTION)));
        assertThat(asA.body()).doesNotContain(SECRET);
        assertThat(json.readTree(asA.body()).path("usage").path("generator").asString())
                .isNotEqualTo("cache");
    }

    @Test
    void theConsolesServicesForOrgASeeNoneOfOrgBsDocuments() {
        String hashOfB = knowledge.findSource(b, B_PATH).orElseThrow().contentHash();
        assertThat(knowledge.listAllDocuments(a))
                .extracting(KnowledgeStore.DocumentInfo::path)
                .containsExactly("visiting/tasting-room.md");
        assertThat(knowledge.findSource(a, B_PATH)).isEmpty();
        assertThat(knowledge.findDocument(a, B_PATH)).isEmpty();
        assertThat(knowledge.documentCount(a)).isOne();

        assertThatThrownBy(() -> importer.importDocument(
                        a,
                        B_PATH,
                        "# Taken\n\nOverwritten by A.\n",
                        hashOfB,
                        new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                        line -> {}))
                .as("saving over B's version")
                .isInstanceOf(StaleDocumentException.class);
        importer.importDocument(
                a,
                B_PATH,
                "# A's own page\n\nSame path, A's own document.\n",
                null,
                new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                line -> {});

        assertThat(knowledge.findSource(b, B_PATH).orElseThrow().contentHash()).isEqualTo(hashOfB);
        assertThat(asOwner()
                        .sql("SELECT org_id FROM kb_document WHERE path = ? AND org_id IN (?, ?) ORDER BY org_id")
                        .params(B_PATH, a, b)
                        .query(Long.class)
                        .list())
                .containsExactly(a, b);
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM kb_chunk WHERE org_id = ? AND content LIKE ?")
                        .params(b, "%" + SECRET + "%")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void orgACannotReadOrChangeOrgBsConversationsHandoffsAuditOrSettings() {
        var chat = post("/api/v1/chat", keyB, json.writeValueAsString(Map.of("message", QUESTION)));
        JsonNode turn = json.readTree(chat.body());
        long messageOfB = turn.path("messageId").asLong();
        UUID conversationOfB = UUID.fromString(turn.path("conversationId").asString());
        long siteA = tenants.findSite(keyA).orElseThrow().id();
        long siteB = tenants.findSite(keyB).orElseThrow().id();
        long handoffOfB =
                handoffs.leave(b, siteB, null, conversationOfB, "Call me about the society", "b@example.com", null);
        audit.record(b, "other-admin", "site.greeting-changed", keyB, null, "B's greeting");

        assertThat(conversations.rate(a, messageOfB, null, "down", "from A")).isFalse();
        var opened = conversations.open(a, siteA, null, conversationOfB);
        assertThat(opened.id()).as("A cannot continue B's conversation").isNotEqualTo(conversationOfB);
        assertThat(opened.history()).as("nor read its turns").isEmpty();
        assertThat(handoffs.inbox(a, "open", 500))
                .extracting(HandoffRequest::id)
                .doesNotContain(handoffOfB);
        assertThat(handoffs.resolve(a, handoffOfB)).isFalse();
        long handoffOfA = handoffs.leave(a, siteA, null, conversationOfB, "Link me to B's chat", "a@example.com", null);
        assertThat(audit.list(a, AuditLog.AuditQuery.recent()))
                .extracting(AuditEvent::target)
                .doesNotContain(keyB);

        assertThat(widgets.config(a, keyB)).isEmpty();
        assertThat(tenants.updateWidget(a, keyB, "Hijacked by A", List.of(), "default"))
                .isFalse();
        assertThat(tenants.updateAllowedOrigins(a, keyB, List.of("https://a.example")))
                .isFalse();
        tenants.updateContactLine(a, "Call A");

        assertThat(asOwner()
                        .sql("SELECT feedback IS NULL FROM message WHERE id = ?")
                        .param(messageOfB)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(asOwner()
                        .sql("SELECT status FROM handoff_request WHERE id = ?")
                        .param(handoffOfB)
                        .query(String.class)
                        .single())
                .isEqualTo("open");
        assertThat(asOwner()
                        .sql("SELECT conversation_id FROM handoff_request WHERE id = ?")
                        .param(handoffOfA)
                        .query(UUID.class)
                        .optional())
                .as("A's request does not link B's conversation")
                .isEmpty();
        assertThat(asOwner()
                        .sql("SELECT greeting FROM site WHERE site_key = ?")
                        .param(keyB)
                        .query(String.class)
                        .single())
                .isNotEqualTo("Hijacked by A");
        assertThat(asOwner()
                        .sql("SELECT cardinality(allowed_origins) FROM site WHERE site_key = ?")
                        .param(keyB)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(tenants.contactLine(b)).isNotEqualTo("Call A");
        assertThat(tenants.contactLine(a)).isEqualTo("Call A");
    }
}
