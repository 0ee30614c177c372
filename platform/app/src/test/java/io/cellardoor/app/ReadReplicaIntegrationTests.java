package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.datasource.ReadReplica;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.tenant.TenantTransactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real streaming replica of the local PostgreSQL ({@code deploy/local/postgres.sh replica start}: pg_basebackup into
 * a second data folder on a port of its own) as {@code cellardoor.datasource.replica.url}: read-only transactions
 * (retrieval) read the replica, everything else the primary; a knowledge edit on the primary is answered by chat
 * within the lag bound (the figures are printed); with the replica killed, reads go to the primary and chat keeps
 * answering, and a replica started again serves again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIntegrationTests extends IntegrationTestSupport {

    static final Duration MAX_LAG = Duration.ofSeconds(5);
    static final int REPLICA_PORT = freePort();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    @Autowired
    TenantService tenants;

    @Autowired
    TenantTransactions tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    ReadReplica replica;

    @DynamicPropertySource
    static void replicaProperties(DynamicPropertyRegistry registry) {
        registry.add("cellardoor.datasource.replica.url", ReadReplicaIntegrationTests::startReplica);
        registry.add("cellardoor.datasource.replica.probe-interval", () -> "200ms");
        registry.add("cellardoor.datasource.replica.max-lag", MAX_LAG::toString);
    }

    @AfterAll
    static void stopReplica() {
        replicaScript("stop");
    }

    @Test
    @Order(1)
    void readOnlyTransactionsReadTheReplicaAndEveryOtherThePrimary() {
        long org = tenants.ensureOrg("it-replica-routing", "Replica routing");
        await(Duration.ofSeconds(30), () -> replica.status().serving());
        assertThat(tx.inOrgReadOnly(org, this::inRecovery))
                .as("read-only: the replica")
                .isTrue();
        assertThat(tx.inOrg(org, this::inRecovery))
                .as("read-write: the primary")
                .isFalse();
    }

    @Test
    @Order(2)
    void anEditOnThePrimaryIsAnsweredFromTheReplicaWithinTheLagBound() throws Exception {
        String siteKey = siteWithEstate();
        long org = orgOf(siteKey);
        await(Duration.ofSeconds(30), () -> replica.status().serving());
        assertThat(answer(siteKey).path("answer").asString()).contains("38");

        writeEstate(org, "41");
        Instant edited = Instant.now();
        await(
                MAX_LAG.plusSeconds(5),
                () -> answer(siteKey).path("answer").asString().contains("41"));
        Duration visible = Duration.between(edited, Instant.now());
        assertThat(replica.status().serving())
                .as("answered from the replica, not after a fall back")
                .isTrue();

        // The raw lag: a row committed on the primary until a read-only transaction sees it, 20 times.
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String marker = "lag-" + UUID.randomUUID();
            tx.inOrg(
                    org,
                    () -> jdbc.sql("INSERT INTO audit_event (org_id, actor, action, target) VALUES (?, ?, ?, ?)")
                            .params(org, "it", "replica.lag", marker)
                            .update());
            long start = System.nanoTime();
            await(
                    MAX_LAG,
                    () -> tx.inOrgReadOnly(
                                    org,
                                    () -> jdbc.sql("SELECT count(*) FROM audit_event WHERE target = ?")
                                            .param(marker)
                                            .query(Long.class)
                                            .single())
                            == 1);
            lags.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(lags);
        System.out.printf(
                "Read replica: knowledge edit answered by chat after %d ms; commit visible on the replica after"
                        + " median %d ms, max %d ms (20 commits); probe lag %d ms%n",
                visible.toMillis(),
                lags.get(10),
                lags.getLast(),
                replica.status().lag().toMillis());
        assertThat(visible).isLessThan(MAX_LAG.plusSeconds(1));
        assertThat(lags.getLast()).isLessThan(MAX_LAG.toMillis());
    }

    @Test
    @Order(3)
    void withTheReplicaDownReadsGoToThePrimaryAndChatKeepsAnswering() throws Exception {
        String siteKey = siteWithEstate();
        long org = orgOf(siteKey);
        await(Duration.ofSeconds(30), () -> replica.status().serving());

        replicaScript("kill");
        Instant killed = Instant.now();
        JsonNode answer = answer(siteKey);
        assertThat(answer.path("answered").asBoolean()).isTrue();
        assertThat(answer.path("answer").asString()).contains("38");
        await(Duration.ofSeconds(2), () -> !replica.status().serving());
        assertThat(replica.status().reason()).isEqualTo("down");
        assertThat(tx.inOrgReadOnly(org, this::inRecovery))
                .as("read-only: the primary now")
                .isFalse();
        writeEstate(org, "42");
        assertThat(answer(siteKey).path("answer").asString())
                .as("the primary's current knowledge")
                .contains("42");
        System.out.printf(
                "Read replica killed: reads on the primary within %d ms, %d connections fell back%n",
                Duration.between(killed, Instant.now()).toMillis(), replica.fallbacks());

        replicaScript("start");
        await(Duration.ofSeconds(30), () -> replica.status().serving());
        assertThat(tx.inOrgReadOnly(org, this::inRecovery))
                .as("the replica serves again")
                .isTrue();
    }

    private boolean inRecovery() {
        return jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single();
    }

    private String siteWithEstate() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long org = tenants.ensureOrg("it-replica-" + suffix, "Replica " + suffix);
        String key = "it-replica-" + suffix;
        tenants.ensureSite(org, key, "Replica site");
        writeEstate(org, "38");
        return key;
    }

    private void writeEstate(long org, String acres) throws IOException {
        Path dir = Files.createTempDirectory("replica-estate");
        Files.writeString(dir.resolve("estate.md"), "# The estate\n\nThe estate has " + acres + " acres of vines.\n");
        importer.importFolder(org, dir, line -> {});
    }

    private long orgOf(String siteKey) {
        return asOwner()
                .sql("SELECT org_id FROM site WHERE site_key = ?")
                .param(siteKey)
                .query(Long.class)
                .single();
    }

    private JsonNode answer(String siteKey) {
        HttpResponse<String> response = post(
                "/api/v1/chat", siteKey, JSON.writeValueAsString(Map.of("message", "How many acres is the estate?")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Starts the replica (a fresh copy of the cluster the test database lives in); returns its JDBC URL. */
    private static String startReplica() {
        replicaScript("start");
        String primary = System.getenv("CELLARDOOR_DB_URL");
        String database = primary == null ? "cellardoor_test" : primary.substring(primary.lastIndexOf('/') + 1);
        return "jdbc:postgresql://127.0.0.1:" + REPLICA_PORT + "/" + database;
    }

    private static void replicaScript(String command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(
                            "bash", REPO.resolve("deploy/local/postgres.sh").toString(), "replica", command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("CELLARDOOR_PG_REPLICA_PORT", Integer.toString(REPLICA_PORT));
            int exit = pb.start().waitFor();
            assertThat(exit).as("postgres.sh replica " + command).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
