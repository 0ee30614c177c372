package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan's {@code sites} and {@code documents} limit new sites and new documents made through the admin API (the
 * console calls the same services): past the limit 403 {@code plan-limit-reached} and nothing is written; existing ones
 * stay editable, a deleted document frees its place (restoring it needs one), and a larger plan lifts the limit.
 */
class PlanLimitsIntegrationTests extends BillingTestSupport {

    AdminClient api;

    @BeforeEach
    void client() {
        api = new AdminClient(identity.issuerUri(), this::uri, json);
    }

    @Test
    void anOrgAtItsPlansSitesGetsNoNewSiteUntilItsPlanAllowsMore() {
        long org = org("it-site-limit", "tiny"); // tiny: 2 sites; the org has one
        ok(admin("POST", "/api/v1/admin/sites?org=it-site-limit", "platform-admin", Map.of("name", "Second")));

        var third = admin("POST", "/api/v1/admin/sites?org=it-site-limit", "platform-admin", Map.of("name", "Third"));
        assertThat(problem(third, 403)).isEqualTo("plan-limit-reached");
        assertThat(json.readTree(third.body()).path("detail").asString()).contains("tiny plan has 2 sites");
        assertThat(sites(org)).isEqualTo(2);

        ok(admin("PUT", "/api/v1/admin/orgs/it-site-limit/plan", "platform-admin", Map.of("plan", "pro")));
        ok(admin("POST", "/api/v1/admin/sites?org=it-site-limit", "platform-admin", Map.of("name", "Third")));
        assertThat(sites(org)).isEqualTo(3);
    }

    @Test
    void anOrgAtItsPlansDocumentsKeepsEditingButAddsNoNewDocument() {
        long org = org("it-doc-limit", "tiny"); // tiny: 3 documents; the org has one (visiting/hours.md)
        assertThat(put("visiting/parking.md", "# Parking\n\nFree parking beside the barn.\n")
                        .statusCode())
                .isEqualTo(200);
        assertThat(documents(org)).isEqualTo(2);

        // An upload whose new documents would pass the limit imports nothing.
        var upload = api.upload(
                "platform-admin",
                "/api/v1/admin/documents?org=it-doc-limit",
                Map.of("folder", "events"),
                List.of(md("concerts.md", "# Concerts\n\nJazz on Fridays.\n"), md("dinners.md", "# Dinners\n\n.\n")));
        assertThat(problem(upload, 403)).isEqualTo("plan-limit-reached");
        assertThat(json.readTree(upload.body()).path("detail").asString())
                .contains("tiny plan keeps 3 documents; the org has 2 and this adds 2");
        assertThat(documents(org)).isEqualTo(2);

        // One more fits; then a new document is refused, but existing ones are still saved.
        assertThat(put("events/concerts.md", "# Concerts\n\nJazz on Fridays.\n").statusCode())
                .isEqualTo(200);
        assertThat(problem(put("events/dinners.md", "# Dinners\n\nWinemaker dinners monthly.\n"), 403))
                .isEqualTo("plan-limit-reached");
        assertThat(edit("visiting/parking.md", "# Parking\n\nFree parking beside the barn and the field.\n")
                        .statusCode())
                .isEqualTo(200);
        // Re-uploading documents the org already has adds nothing, so it is allowed at the limit.
        var again = api.upload(
                "platform-admin",
                "/api/v1/admin/documents?org=it-doc-limit",
                Map.of("folder", "events"),
                List.of(md("concerts.md", "# Concerts\n\nJazz on Fridays and Saturdays.\n")));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(documents(org)).isEqualTo(3);

        // A deleted document frees its place; restoring it when the place is taken again is refused.
        assertThat(api.delete("platform-admin", "/api/v1/admin/documents?org=it-doc-limit&path=events/concerts.md")
                        .statusCode())
                .isEqualTo(204);
        assertThat(put("events/dinners.md", "# Dinners\n\nWinemaker dinners monthly.\n")
                        .statusCode())
                .isEqualTo(200);
        long version = ok(api.get(
                        "platform-admin", "/api/v1/admin/documents/versions?org=it-doc-limit&path=events/concerts.md"))
                .get(0)
                .path("id")
                .asLong();
        var restore = api.post(
                "platform-admin",
                "/api/v1/admin/documents/rollback?org=it-doc-limit&path=events/concerts.md&version=" + version);
        assertThat(problem(restore, 403)).isEqualTo("plan-limit-reached");
        assertThat(documents(org)).isEqualTo(3);
    }

    /** Saves a new version of an existing document (from its current hash). */
    private java.net.http.HttpResponse<String> edit(String path, String markdown) {
        String hash = ok(api.get("platform-admin", "/api/v1/admin/documents?org=it-doc-limit&path=" + path))
                .path("contentHash")
                .asString();
        return api.putMarkdown(
                "platform-admin",
                "/api/v1/admin/documents?org=it-doc-limit&path=" + path + "&expectedHash=" + hash,
                markdown);
    }

    private java.net.http.HttpResponse<String> put(String path, String markdown) {
        return api.putMarkdown("platform-admin", "/api/v1/admin/documents?org=it-doc-limit&path=" + path, markdown);
    }

    private static AdminClient.Part md(String name, String text) {
        return new AdminClient.Part(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private long sites(long org) {
        return asOwner()
                .sql("SELECT count(*) FROM site WHERE org_id = ? AND revoked_at IS NULL")
                .param(org)
                .query(Long.class)
                .single();
    }

    private long documents(long org) {
        return asOwner()
                .sql("SELECT count(*) FROM kb_document WHERE org_id = ?")
                .param(org)
                .query(Long.class)
                .single();
    }
}
