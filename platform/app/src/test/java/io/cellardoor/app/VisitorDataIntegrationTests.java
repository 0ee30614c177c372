package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.tenant.TenantService;
import io.cellardoor.visitors.RetentionPurge;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Visitors' personal data end to end over HTTP with real Keycloak tokens: handoff contact fields sealed at rest and
 * readable in the inbox, data subject export and erasure (ORG_ADMIN only, audited, without the email in the audit log),
 * denied calls audited with user, org and IP, and the retention purge under its advisory lock.
 */
class VisitorDataIntegrationTests extends AdminApiTestSupport {

    static final String SITE_KEY = "it-dsr-key";

    @Autowired
    TenantService tenants;

    @Autowired
    RetentionPurge purge;

    long demo;

    @BeforeEach
    void site() {
        demo = tenants.ensureOrg("demo", "Demo Vineyard");
        tenants.ensureSite(demo, SITE_KEY, "DSR site");
    }

    record Visitor(String token, UUID id) {}

    Visitor newVisitor() {
        JsonNode session = json.readTree(post("/api/v1/widget/session", SITE_KEY, "{\"visitorToken\": null}")
                .body());
        return new Visitor(
                session.path("visitorToken").asString(),
                UUID.fromString(session.path("visitorId").asString()));
    }

    HttpResponse<String> asVisitor(Visitor v, String path, Object body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("X-Visitor-Token", v.token())
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                SITE_KEY);
    }

    @Test
    void exportAndEraseEverythingOfOneVisitorAndNothingElse() {
        String email = "dsr.visitor+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Visitor visitor = newVisitor();
        Visitor other = newVisitor();
        JsonNode turn = json.readTree(
                asVisitor(visitor, "/api/v1/chat", Map.of("message", "Are you open on Monday? I'm at " + email))
                        .body());
        long messageId = turn.path("messageId").asLong();
        assertThat(asVisitor(
                                visitor,
                                "/api/v1/messages/" + messageId + "/feedback",
                                Map.of("rating", "down", "comment", "call me on +1 845 555 0199"))
                        .statusCode())
                .isEqualTo(204);
        var left = asVisitor(
                visitor,
                "/api/v1/handoffs",
                Map.of(
                        "conversationId",
                        turn.path("conversationId").asString(),
                        "question",
                        "Can I bring my dog?",
                        "email",
                        email,
                        "name",
                        "Ann Visitor"));
        assertThat(left.statusCode()).as(left.body()).isEqualTo(201);
        long handoffId = json.readTree(left.body()).path("id").asLong();
        asVisitor(other, "/api/v1/chat", Map.of("message", "Do you sell gift cards?"));

        // At rest: sealed contact fields with their key id, a masked question and comment.
        var row = asOwner()
                .sql("SELECT email, name, contact_key_id FROM handoff_request WHERE id = ?")
                .param(handoffId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(row.get(0)).doesNotContain("@").doesNotContain("dsr.visitor");
        assertThat(row.get(1)).doesNotContain("Ann");
        assertThat(row.get(2)).isNotBlank();
        assertThat(asOwner()
                        .sql("SELECT question || ' ' || feedback_comment FROM message WHERE id = ?")
                        .param(messageId)
                        .query(String.class)
                        .single())
                .contains("[email]", "[phone]")
                .doesNotContain(email);
        // In the inbox, readable again.
        assertThat(ok(admin("GET", "/api/v1/admin/handoffs?status=open", "editor"))
                        .toString())
                .contains(email)
                .contains("Ann Visitor");

        // Export by visitor id and by email (ORG_ADMIN).
        JsonNode byId = ok(admin("GET", "/api/v1/admin/visitors/" + visitor.id() + "/export", "org-admin"));
        assertThat(byId.path("conversations")).hasSize(1);
        JsonNode exported = byId.path("conversations").get(0).path("messages").get(0);
        assertThat(exported.path("question").asString()).contains("Are you open on Monday?");
        assertThat(exported.path("feedback").asString()).isEqualTo("down");
        assertThat(byId.path("handoffs").get(0).path("email").asString()).isEqualTo(email);
        assertThat(byId.path("visitors").get(0).path("id").asString())
                .isEqualTo(visitor.id().toString());
        JsonNode byEmail = ok(admin("GET", "/api/v1/admin/visitors/" + email + "/export", "org-admin"));
        assertThat(byEmail.path("handoffs").get(0).path("id").asLong()).isEqualTo(handoffId);
        assertThat(byEmail.path("conversations")).hasSize(1);

        // Below ORG_ADMIN: 403, recorded with user, org and IP.
        assertThat(problem(admin("GET", "/api/v1/admin/visitors/" + visitor.id() + "/export", "editor"), 403))
                .isEqualTo("forbidden");
        assertThat(problem(admin("DELETE", "/api/v1/admin/visitors/" + visitor.id(), "viewer"), 403))
                .isEqualTo("forbidden");
        assertThat(problem(admin("GET", "/api/v1/admin/visitors/not-an-id/export", "org-admin"), 400))
                .isEqualTo("invalid-visitor");
        var denied = asOwner()
                .sql("""
                        SELECT after FROM audit_event
                        WHERE org_id = ? AND actor = 'editor' AND action = 'auth.denied' AND target = ?
                        ORDER BY id DESC LIMIT 1""")
                .params(demo, "GET /api/v1/admin/visitors/" + visitor.id() + "/export")
                .query(String.class)
                .single();
        assertThat(json.readTree(denied).path("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(json.readTree(denied).path("org").asString()).isEqualTo("demo");

        // Erase by email: the handoff, the visitor, their conversation with its turn and feedback.
        JsonNode erased = ok(admin("DELETE", "/api/v1/admin/visitors/" + email, "org-admin"));
        assertThat(erased.path("handoffs").asInt()).isEqualTo(1);
        assertThat(erased.path("conversations").asInt()).isEqualTo(1);
        assertThat(erased.path("messages").asInt()).isEqualTo(1);
        assertThat(erased.path("visitors").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM handoff_request WHERE id = ?", handoffId))
                .isZero();
        assertThat(count("SELECT count(*) FROM message WHERE id = ?", messageId))
                .isZero();
        assertThat(count("SELECT count(*) FROM visitor WHERE id = ?", visitor.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM conversation WHERE visitor_id = ?", other.id()))
                .isEqualTo(1);
        JsonNode after = ok(admin("GET", "/api/v1/admin/visitors/" + visitor.id() + "/export", "org-admin"));
        assertThat(after.path("conversations")).isEmpty();
        assertThat(after.path("handoffs")).isEmpty();

        // Audited, without the address.
        var audit = asOwner().sql("""
                        SELECT actor || ' ' || action || ' ' || target FROM audit_event
                        WHERE org_id = ? AND action LIKE 'visitor.%' ORDER BY id DESC LIMIT 3""").param(demo).query(String.class).list();
        assertThat(audit.get(0)).isEqualTo("org-admin visitor.export visitor:" + visitor.id());
        assertThat(audit.get(1)).startsWith("org-admin visitor.erase visitor:email:");
        assertThat(audit).allSatisfy(a -> assertThat(a).doesNotContain("@"));
    }

    @Test
    void purgeDeletesWhatOutlivedTheOrgsRetentionOnOneInstanceAtATime() throws Exception {
        long org = tenants.ensureOrg("it-retention", "Retention");
        tenants.ensureSite(org, "it-retention-key", "Retention site");
        long site = asOwner()
                .sql("SELECT id FROM site WHERE site_key = 'it-retention-key'")
                .query(Long.class)
                .single();
        asOwner()
                .sql("UPDATE org SET conversation_retention_days = 180, handoff_retention_days = 365 WHERE id = ?")
                .param(org)
                .update();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID mixed = UUID.randomUUID();
        for (UUID c : List.of(old, recent, mixed)) {
            asOwner()
                    .sql(
                            "INSERT INTO conversation (id, org_id, site_id, created_at) VALUES (?, ?, ?, now() - ?::interval)")
                    .params(c, org, site, c == recent ? "1 day" : "200 days")
                    .update();
        }
        insertMessage(org, old, "200 days");
        insertMessage(org, mixed, "190 days");
        insertMessage(org, mixed, "2 days");
        insertMessage(org, recent, "1 day");
        for (String age : List.of("400 days", "300 days")) {
            asOwner().sql("""
                            INSERT INTO handoff_request (org_id, site_id, question, email, created_at)
                            VALUES (?, ?, 'q', 'x', now() - ?::interval)""").params(org, site, age).update();
        }

        // Another instance holding the lock: this one does nothing.
        try (Connection other = DriverManager.getConnection(
                        environment.getRequiredProperty("spring.datasource.url"),
                        environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password"));
                Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + 0x6364_7075_7267_65L + ")");
            assertThat(purge.runOnce().ran()).isFalse();
            statement.execute("SELECT pg_advisory_unlock(" + 0x6364_7075_7267_65L + ")");
        }
        assertThat(count("SELECT count(*) FROM message WHERE org_id = ?", org)).isEqualTo(4);

        RetentionPurge.Run run = purge.runOnce();
        assertThat(run.ran()).isTrue();
        var purged = run.purged().get(org);
        assertThat(purged.messages()).isEqualTo(2);
        assertThat(purged.conversations()).isEqualTo(1);
        assertThat(purged.handoffs()).isEqualTo(1);
        assertThat(asOwner()
                        .sql("SELECT id FROM conversation WHERE org_id = ? ORDER BY created_at")
                        .param(org)
                        .query(UUID.class)
                        .list())
                .containsExactlyInAnyOrder(mixed, recent);
        assertThat(count("SELECT count(*) FROM handoff_request WHERE org_id = ?", org))
                .isEqualTo(1);
        String audited = asOwner().sql("""
                        SELECT after FROM audit_event WHERE org_id = ? AND action = 'retention.purge'
                        AND actor = 'system:retention' ORDER BY id DESC LIMIT 1""").param(org).query(String.class).single();
        assertThat(json.readTree(audited).path("messages").asInt()).isEqualTo(2);
        assertThat(json.readTree(audited).path("handoffs").asInt()).isEqualTo(1);

        // Nothing left to purge: no new audit record.
        assertThat(purge.runOnce().purged()).doesNotContainKey(org);
    }

    private void insertMessage(long org, UUID conversation, String age) {
        asOwner().sql("""
                        INSERT INTO message (org_id, conversation_id, question, answer, answered, domain, generator,
                                             confidence, latency_ms, created_at)
                        VALUES (?, ?, 'q', 'a', true, 'general', 'extractive', 1, 1, now() - ?::interval)""").params(org, conversation, age).update();
    }

    private long count(String sql, Object param) {
        return asOwner().sql(sql).param(param).query(Long.class).single();
    }
}
