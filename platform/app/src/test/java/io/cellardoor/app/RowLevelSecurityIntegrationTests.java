package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.audit.AuditLog;
import io.cellardoor.cache.SemanticCache;
import io.cellardoor.embedding.Embeddings;
import io.cellardoor.handoff.HandoffService;
import io.cellardoor.knowledge.KnowledgeImporter;
import io.cellardoor.tenant.RuntimeRoleCheck;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.tenant.TenantTransactions;
import io.cellardoor.widget.internal.WidgetStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database itself keeps tenants apart: SQL as the app's runtime role (the connection pool's user), without any
 * {@code org_id} filter, sees and changes only the org set for the transaction, and nothing without one; the role
 * cannot switch the policies off. Rows are arranged through the app's services and checked as the owner.
 */
class RowLevelSecurityIntegrationTests extends IntegrationTestSupport {

    /** Every tenant-owned table of V1-V4, and org itself. */
    static final List<String> TENANT_TABLES = List.of(
            "site",
            "kb_document",
            "kb_chunk",
            "conversation",
            "message",
            "visitor",
            "handoff_request",
            "semantic_cache",
            "audit_event");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    TenantTransactions tenant;

    @Autowired
    TenantService tenants;

    @Autowired
    KnowledgeImporter importer;

    @Autowired
    HandoffService handoffs;

    @Autowired
    WidgetStore visitors;

    @Autowired
    AuditLog audit;

    @Autowired
    SemanticCache cache;

    @Autowired
    Embeddings embeddings;

    long a;
    long b;
    long handoffOfB;

    @BeforeEach
    void twoOrgsWithRowsInEveryTable() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        a = tenants.ensureOrg("rls-a-" + suffix, "RLS A");
        b = tenants.ensureOrg("rls-b-" + suffix, "RLS B");
        for (long org : List.of(a, b)) {
            String key = "rls-key-" + org;
            tenants.ensureSite(org, key, "RLS site " + org);
            importer.importDocument(
                    org,
                    "visiting/hours.md",
                    "# Hours\n\nOpen daily from 11 to 5 (org " + org + ").\n",
                    null,
                    new io.cellardoor.knowledge.Change("editor", io.cellardoor.knowledge.VersionKind.SAVE),
                    line -> {});
            post("/api/v1/chat", key, "{\"message\": \"When are you open?\"}");
            long site = tenants.findSite(key).orElseThrow().id();
            long handoff = handoffs.leave(org, site, null, null, "Can I call you?", "rls@example.com", null);
            visitors.createVisitor(UUID.randomUUID(), org, site);
            audit.record(org, "editor", "document.saved", "visiting/hours.md", null, "x");
            cache.put(
                    org,
                    "when are you open",
                    embeddings.embed("when are you open"),
                    "Daily 11 to 5.",
                    "visiting",
                    List.of());
            if (org == b) {
                handoffOfB = handoff;
            }
        }
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM message WHERE org_id = ?")
                        .param(b)
                        .query(Long.class)
                        .single())
                .as("arranged through the app")
                .isPositive();
    }

    @Test
    void withoutAnOrgTheRuntimeRoleSeesNoTenantRowsAndCannotWrite() {
        for (String table : TENANT_TABLES) {
            assertThat(asOwner()
                            .sql("SELECT count(*) FROM " + table + " WHERE org_id IN (?, ?)")
                            .params(a, b)
                            .query(Long.class)
                            .single())
                    .as("owner sees %s", table)
                    .isPositive();
            assertThat(jdbc.sql("SELECT count(*) FROM " + table)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM org").query(Long.class).single())
                .isZero();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO site (org_id, site_key, name) VALUES (?, ?, 'x')")
                        .params(a, "rls-no-org-" + a)
                        .update())
                .rootCause()
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO audit_event (org_id, actor, action, target) VALUES (?, 'x', 'y', 'z')")
                        .param(a)
                        .update())
                .rootCause()
                .hasMessageContaining("row-level security");
        assertThat(jdbc.sql("UPDATE kb_document SET title = 'taken' WHERE org_id = ?")
                        .param(b)
                        .update())
                .isZero();
        assertThat(jdbc.sql("DELETE FROM handoff_request WHERE id = ?")
                        .param(handoffOfB)
                        .update())
                .isZero();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO org (slug, name) VALUES ('rls-sneaky', 'x')")
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM handoff_request WHERE id = ?")
                        .param(handoffOfB)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void asOrgAUnfilteredSqlSeesOnlyAAndCannotWriteB() {
        tenant.runInOrg(a, () -> {
            for (String table : TENANT_TABLES) {
                assertThat(jdbc.sql("SELECT DISTINCT org_id FROM " + table)
                                .query(Long.class)
                                .list())
                        .as(table)
                        .containsExactly(a);
            }
            assertThat(jdbc.sql("SELECT id FROM org").query(Long.class).list()).containsExactly(a);
            assertThat(jdbc.sql("UPDATE kb_document SET title = 'taken'").update())
                    .isOne();
            assertThat(jdbc.sql("UPDATE org SET contact_line = 'call A'").update())
                    .isOne();
            assertThat(jdbc.sql("DELETE FROM handoff_request WHERE id = ?")
                            .param(handoffOfB)
                            .update())
                    .isZero();
        });
        assertThatThrownBy(() -> tenant.runInOrg(
                        a,
                        () -> jdbc.sql(
                                        "INSERT INTO kb_document (org_id, path, title, folder, content, plain_text, content_hash) "
                                                + "VALUES (?, 'planted.md', 'x', '', 'x', 'x', 'x')")
                                .param(b)
                                .update()))
                .rootCause()
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> tenant.runInOrg(
                        a,
                        () -> jdbc.sql("UPDATE kb_document SET org_id = ?")
                                .param(b)
                                .update()))
                .rootCause()
                .hasMessageContaining("row-level security");

        assertThat(asOwner()
                        .sql("SELECT title FROM kb_document WHERE org_id = ?")
                        .param(b)
                        .query(String.class)
                        .list())
                .singleElement()
                .isNotEqualTo("taken");
        assertThat(asOwner()
                        .sql("SELECT contact_line FROM org WHERE id = ?")
                        .param(b)
                        .query(String.class)
                        .single())
                .isNotEqualTo("call A");
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM kb_document WHERE path = 'planted.md'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM handoff_request WHERE id = ?")
                        .param(handoffOfB)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void theRuntimeRoleCannotSwitchRowLevelSecurityOff() {
        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE kb_document DISABLE ROW LEVEL SECURITY")
                        .update())
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() ->
                        jdbc.sql("DROP POLICY tenant_isolation ON kb_chunk").update())
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() ->
                        jdbc.sql("ALTER TABLE kb_chunk OWNER TO cellardoor_app").update())
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> tenant.runInOrg(a, () -> {
                    jdbc.sql("SET LOCAL row_security = off").update();
                    jdbc.sql("SELECT count(*) FROM kb_chunk").query(Long.class).single();
                }))
                .rootCause()
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> tenant.runInOrg(
                        a, () -> jdbc.sql("SET LOCAL ROLE cellardoor").update()))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("CREATE TABLE rls_escape (id int)").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(jdbc.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void theOrgSettingNeverOutlivesItsTransaction() {
        for (int i = 0; i < 25; i++) { // more than the pool's connections
            tenant.runInOrg(i % 2 == 0 ? a : b, () -> {});
            assertThat(jdbc.sql("SELECT coalesce(current_setting('cellardoor.org_id', true), '')")
                            .query(String.class)
                            .single())
                    .isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM kb_document")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void oneTransactionNeverActsAsTwoOrgs() {
        assertThat(tenant.inOrg(
                        a,
                        () -> tenant.inOrg(
                                a,
                                () -> jdbc.sql("SELECT count(*) FROM kb_document")
                                        .query(Long.class)
                                        .single())))
                .as("joining the same org")
                .isOne();
        assertThatThrownBy(() -> tenant.runInOrg(a, () -> tenant.runInOrg(b, () -> {})))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acts as org " + a);
        assertThatThrownBy(() -> tenant.runInOrg(0, () -> {})).isInstanceOf(IllegalArgumentException.class);
        assertThat(TenantTransactions.currentOrg()).isNull();
    }

    @Test
    void theStartUpCheckRefusesTheOwnerAndAcceptsTheRuntimeRole() {
        assertThat(RuntimeRoleCheck.problems(template)).isEmpty();
        JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password")));
        assertThat(RuntimeRoleCheck.problems(owner))
                .singleElement()
                .asString()
                .startsWith("role cellardoor owns the tenant tables ")
                .contains("audit_event", "kb_chunk", "org", "site");
    }

    @Test
    void anAsyncCommitTransactionTurnsSynchronousCommitOffForItselfOnly() {
        long org = tenants.ensureOrg(
                "rls-async-" + java.util.UUID.randomUUID().toString().substring(0, 8), "Async");
        assertThat(tenant.inOrgAsyncCommit(
                        org,
                        () -> jdbc.sql("SHOW synchronous_commit")
                                .query(String.class)
                                .single()))
                .isEqualTo("off");
        assertThat(tenant.inOrg(
                        org,
                        () -> jdbc.sql("SHOW synchronous_commit")
                                .query(String.class)
                                .single()))
                .isEqualTo("on");
    }

    @Test
    void theFullTextMatchIsLeakproofSoTheRuntimeRolesQueriesMayUseTheirIndex() {
        // Without it, row-level security keeps the planner from using the GIN or RUM index for tsv @@ query, and every
        // full-text query scans the whole table (docs/benchmarks.md, scale). deploy/local/postgres.sh marks it.
        assertThat(io.cellardoor.tenant.RuntimeRoleCheck.fullTextMatchIsLeakproof(template))
                .isTrue();
    }
}
