package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.cluster.ClusterEvents;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.text.CorpusStatistics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events from other instances (table {@code cluster_event}, channel {@code cellardoor_events}, migration V51), played
 * by SQL as another instance would write them: a change this instance did not make (the owner edits a chunk behind its
 * back) reaches its in-memory term statistics only once another instance's {@code KnowledgeChanged} arrives, by
 * notification or by the poll; events of rolled-back transactions never arrive; an event whose transaction commits
 * long after it was written still does; unknown types are skipped.
 */
@org.springframework.test.context.TestPropertySource(
        // The term statistics observed here are then a cache the events drop; with the keyword index they are read
        // from the index, always current, and would say nothing about the events.
        properties = "cellardoor.retrieval.keyword-index.enabled=false")
@org.springframework.test.annotation.DirtiesContext
class ClusterEventsIntegrationTests extends IntegrationTestSupport {

    static final String TERM = "zyzzyvaquux";

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    CorpusStatistics statistics;

    @Autowired
    ClusterEvents cluster;

    long org;

    @BeforeEach
    void orgWithKnowledge() throws Exception {
        org = tenants.ensureOrg("it-cluster-" + UUID.randomUUID().toString().substring(0, 8), "Cluster events");
        importer.importFolder(org, REPO.resolve("knowledge/demo"), line -> {});
        assertThat(statistics.of(org).known(TERM)).isFalse();
        // Another instance's write this instance does not hear about by itself.
        asOwner()
                .sql("UPDATE kb_chunk SET content = content || ' " + TERM + "' WHERE org_id = ? AND ordinal = 0")
                .param(org)
                .update();
        assertThat(statistics.of(org).known(TERM)).as("cached, stale").isFalse();
    }

    @Test
    void anotherInstancesKnowledgeChangedDropsTheTermStatisticsWithinASecond() {
        Instant sent = Instant.now();
        asOwner()
                .sql(
                        "SELECT cellardoor_publish_event('another-instance', 'io.cellardoor.knowledge.KnowledgeChanged', ?::jsonb)")
                .param("{\"orgId\": " + org + "}")
                .query(Long.class)
                .single();
        await(Duration.ofSeconds(10), () -> statistics.of(org).known(TERM));
        assertThat(Duration.between(sent, Instant.now()))
                .as("by notification, not by the 2 s poll")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anEventWrittenWithoutANotificationArrivesByThePoll() {
        insertRaw("io.cellardoor.knowledge.KnowledgeChanged", "{\"orgId\": " + org + "}");
        await(Duration.ofSeconds(10), () -> statistics.of(org).known(TERM));
    }

    @Test
    void unknownAndForeignTypesAreSkippedAndLaterEventsStillArrive() {
        insertRaw("io.cellardoor.NoSuchEvent", "{}");
        insertRaw("java.lang.String", "\"x\"");
        asOwner()
                .sql(
                        "SELECT cellardoor_publish_event('another-instance', 'io.cellardoor.knowledge.KnowledgeChanged', ?::jsonb)")
                .param("{\"orgId\": " + org + "}")
                .query(Long.class)
                .single();
        await(Duration.ofSeconds(10), () -> statistics.of(org).known(TERM));
    }

    @Test
    void anEventOfARolledBackTransactionNeverArrivesOneCommittedLateDoes() throws Exception {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT cellardoor_publish_event('another-instance', "
                        + "'io.cellardoor.knowledge.KnowledgeChanged', '{\"orgId\": " + org + "}')");
            }
            c.rollback();
        }
        Thread.sleep(4000); // two polls
        assertThat(statistics.of(org).known(TERM))
                .as("rolled back: never heard")
                .isFalse();

        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // No notification: only the poll's transaction bound can find it, written long before its commit.
                st.execute("INSERT INTO cluster_event (origin, type, payload) VALUES ('another-instance', "
                        + "'io.cellardoor.knowledge.KnowledgeChanged', '{\"orgId\": " + org + "}')");
            }
            Thread.sleep(4500); // the listener reads twice while the transaction is open
            assertThat(statistics.of(org).known(TERM)).as("not committed yet").isFalse();
            c.commit();
        }
        await(Duration.ofSeconds(10), () -> statistics.of(org).known(TERM));
    }

    @Test
    void thisInstancesOwnEventsAreAppliedOnceAtOnce() {
        long before = ownEvents();
        cluster.publish(new io.cellardoor.knowledge.KnowledgeChanged(org));
        assertThat(statistics.of(org).known(TERM))
                .as("delivered here synchronously")
                .isTrue();
        assertThat(ownEvents()).as("and written for the others").isEqualTo(before + 1);
    }

    private long ownEvents() {
        return asOwner()
                .sql("SELECT count(*) FROM cluster_event WHERE origin = ? AND payload->>'orgId' = ?")
                .params(cluster.instanceId(), Long.toString(org))
                .query(Long.class)
                .single();
    }

    private void insertRaw(String type, String payload) {
        asOwner()
                .sql("INSERT INTO cluster_event (origin, type, payload) VALUES ('another-instance', ?, ?::jsonb)")
                .params(type, payload)
                .update();
    }

    private Connection owner() throws Exception {
        return DriverManager.getConnection(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
    }

    private static void await(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within " + timeout);
    }
}
