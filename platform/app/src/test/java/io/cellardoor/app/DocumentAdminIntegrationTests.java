package io.cellardoor.app;

import static io.cellardoor.app.AdminClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.identity.IdentityProperties;
import io.cellardoor.tenant.TenantService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Knowledge management over the admin API with real Keycloak tokens against the real database: save, versions and
 * diff, rollback (the next chat answer uses it), upload of files and zips, delete, audit rows, roles and org isolation.
 * Most tests work in a fresh org as the platform admin ({@code ?org=SLUG}); role tests use org {@code demo}.
 */
class DocumentAdminIntegrationTests extends IntegrationTestSupport {

    static final String OLD =
            "# Tasting Room Hours\n\n## Weekly hours\n- Monday: Closed\n- Tuesday to Sunday: 11 am to 6 pm\n";
    static final String NEW =
            "# Tasting Room Hours\n\n## Weekly hours\n- Monday: 10 am to 4 pm\n- Tuesday to Sunday: 11 am to 6 pm\n";
    static final String ADMIN = "platform-admin";

    @Autowired
    IdentityProperties identity;

    @Autowired
    TenantService tenants;
    /** Arranges and checks rows of any org as the tables' owner (row-level security applies to the app's pool). */
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    AdminClient api;
    String slug;
    long orgId;

    @BeforeEach
    void freshOrg() {
        jdbc = asOwner();
        api = new AdminClient(identity.issuerUri(), this::uri, json);
        slug = "kn-" + UUID.randomUUID().toString().substring(0, 8);
        orgId = tenants.ensureOrg(slug, "Knowledge test");
        tenants.ensureOrg("demo", "Demo Vineyard");
        tenants.ensureOrg("other", "Other Vineyard");
    }

    @Test
    void savesAreVersionedWithAuthorAndTheDiffShowsTheVersionAgainstTheCurrentText() {
        String hash = saved(put("visiting/hours.md", OLD, null));
        saved(put("visiting/hours.md", NEW, hash));

        JsonNode versions =
                ok(api.get(ADMIN, "/api/v1/admin/documents/versions?path=" + q("visiting/hours.md") + org()));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("kind").asString()).isEqualTo("SAVE");
        assertThat(versions.get(0).path("author").asString()).isEqualTo(ADMIN);
        assertThat(versions.get(0).path("title").asString()).isEqualTo("Tasting Room Hours");
        assertThat(versions.get(0).path("id").asLong())
                .isGreaterThan(versions.get(1).path("id").asLong());
        assertThat(versions.get(1).path("contentHash").asString()).isEqualTo(hash);

        long oldest = versions.get(1).path("id").asLong();
        assertThat(ok(api.get(ADMIN, "/api/v1/admin/documents/versions/" + oldest + org(true)))
                        .path("markdown")
                        .asString())
                .isEqualTo(OLD);
        List<String> diff = new ArrayList<>();
        ok(api.get(ADMIN, "/api/v1/admin/documents/versions/" + oldest + "/diff" + org(true)))
                .path("lines")
                .forEach(l -> diff.add(
                        l.path("change").asString() + " " + l.path("text").asString()));
        assertThat(diff)
                .containsExactly(
                        "SAME # Tasting Room Hours",
                        "SAME ",
                        "SAME ## Weekly hours",
                        "REMOVED - Monday: Closed",
                        "ADDED - Monday: 10 am to 4 pm",
                        "SAME - Tuesday to Sunday: 11 am to 6 pm");
    }

    @Test
    void rollbackBringsBackTheOldTextAsANewVersionAndTheNextChatAnswerUsesIt() {
        String siteKey = "kn-site-" + UUID.randomUUID();
        tenants.ensureSite(orgId, siteKey, "Knowledge test site");
        String first = saved(put("visiting/hours.md", OLD, null));
        String second = saved(put("visiting/hours.md", NEW, first));
        String question = "{\"message\": \"Are you open on Monday?\"}";
        assertThat(post("/api/v1/chat", siteKey, question).body()).containsPattern("10(:00)? ?(am|AM)");

        long oldest = ok(api.get(ADMIN, "/api/v1/admin/documents/versions?path=" + q("visiting/hours.md") + org()))
                .get(1)
                .path("id")
                .asLong();
        HttpResponse<String> stale = api.post(
                ADMIN,
                "/api/v1/admin/documents/rollback?path=" + q("visiting/hours.md") + "&version=" + oldest
                        + "&expectedHash=" + first + org());
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(problemType(stale)).endsWith("/stale-document");

        JsonNode report = ok(api.post(
                ADMIN,
                "/api/v1/admin/documents/rollback?path=" + q("visiting/hours.md") + "&version=" + oldest
                        + "&expectedHash=" + second + org()));
        assertThat(report.path("updated").asInt()).isEqualTo(1);

        assertThat(post("/api/v1/chat", siteKey, question).body())
                .containsIgnoringCase("closed")
                .doesNotContainPattern("10(:00)? ?(am|AM)");
        assertThat(ok(api.get(ADMIN, "/api/v1/admin/documents?path=" + q("visiting/hours.md") + org()))
                        .path("markdown")
                        .asString())
                .isEqualTo(OLD);
        JsonNode versions =
                ok(api.get(ADMIN, "/api/v1/admin/documents/versions?path=" + q("visiting/hours.md") + org()));
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).path("kind").asString()).isEqualTo("ROLLBACK");
        assertThat(versions.get(0).path("contentHash").asString()).isEqualTo(first);

        JsonNode audit = ok(api.get(ADMIN, "/api/v1/admin/audit?action=document." + org()));
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0).path("action").asString()).isEqualTo("document.rolled-back");
        assertThat(audit.get(0).path("actor").asString()).isEqualTo(ADMIN);
        assertThat(audit.get(0).path("before").asString()).isEqualTo(NEW);
        assertThat(audit.get(0).path("after").asString()).isEqualTo(OLD);
        assertThat(audit.get(2).path("action").asString()).isEqualTo("document.saved");
        assertThat(audit.get(2).path("before").isNull())
                .as("a new document has no before")
                .isTrue();
    }

    @Test
    void aSaveStartedFromAnOlderVersionIsA409AndTheOtherEditStays() {
        String first = saved(put("visiting/hours.md", OLD, null));
        saved(put("visiting/hours.md", NEW, first)); // another editor saved first

        HttpResponse<String> mine = put("visiting/hours.md", OLD.replace("Closed", "by appointment"), first);
        assertThat(mine.statusCode()).isEqualTo(409);
        assertThat(problemType(mine)).isEqualTo("https://cellardoor.io/problems/stale-document");
        assertThat(ok(api.get(ADMIN, "/api/v1/admin/documents?path=" + q("visiting/hours.md") + org()))
                        .path("markdown")
                        .asString())
                .isEqualTo(NEW);
        assertThat(ok(api.get(ADMIN, "/api/v1/admin/documents/versions?path=" + q("visiting/hours.md") + org())))
                .hasSize(2);

        HttpResponse<String> broken = put("visiting/broken.md", "---\ntitle: never closed\n", null);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(problemType(broken)).endsWith("/invalid-document");
        assertThat(put("../outside.md", OLD, null).statusCode()).isEqualTo(400);
    }

    @Test
    void uploadImportsFilesAndZipFoldersAndReportsTheBrokenFileAndTheZipSlipEntryByPath() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(
                "reds/cabernet-franc.md", utf8("# Reserve Cabernet Franc\n\nDark cherry and cedar; $42 a bottle.\n"));
        entries.put("whites/riesling.md", utf8("# Dry Riesling\n\nLime zest and slate; $24 a bottle.\n"));
        entries.put("../escaped.md", utf8("# Escaped\n\nThis must never be imported.\n"));
        entries.put("photos/label.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        entries.put("whites/broken.md", new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        entries.put("whites/front-matter.md", utf8("---\ntitle: never closed\n"));
        HttpResponse<String> response = api.upload(
                ADMIN,
                "/api/v1/admin/documents" + org(true),
                Map.of("folder", "wine"),
                List.of(
                        AdminClient.zip("cellar.zip", entries),
                        new AdminClient.Part("sparkling.md", utf8("# 2020 Brut\n\nFine bubbles, green apple.\n"))));

        JsonNode report = ok(response);
        assertThat(report.path("folder").asString()).isEqualTo("wine");
        assertThat(strings(report.path("added")))
                .containsExactlyInAnyOrder(
                        "wine/reds/cabernet-franc.md", "wine/whites/riesling.md", "wine/sparkling.md");
        Map<String, String> skipped = new LinkedHashMap<>();
        report.path("skipped")
                .forEach(f ->
                        skipped.put(f.path("path").asString(), f.path("reason").asString()));
        assertThat(skipped)
                .containsOnlyKeys(
                        "cellar.zip!../escaped.md",
                        "cellar.zip!photos/label.png",
                        "wine/whites/broken.md",
                        "wine/whites/front-matter.md");
        assertThat(skipped.get("cellar.zip!../escaped.md")).startsWith("unsafe path");
        assertThat(skipped.get("wine/whites/broken.md")).isEqualTo("not valid UTF-8 text");
        assertThat(skipped.get("wine/whites/front-matter.md")).contains("front matter");

        List<String> paths = new ArrayList<>();
        ok(api.get(ADMIN, "/api/v1/admin/documents" + org(true)))
                .forEach(d -> paths.add(d.path("path").asString()));
        assertThat(paths)
                .containsExactly("wine/reds/cabernet-franc.md", "wine/sparkling.md", "wine/whites/riesling.md");
        assertThat(jdbc.sql("SELECT count(*) FROM kb_document WHERE org_id = ? AND path LIKE '%escaped%'")
                        .param(orgId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(ok(api.get(ADMIN, "/api/v1/admin/documents/versions?path=" + q("wine/whites/riesling.md") + org()))
                        .get(0)
                        .path("kind")
                        .asString())
                .isEqualTo("UPLOAD");
        assertThat(jdbc.sql("SELECT count(*) FROM kb_chunk WHERE org_id = ?")
                        .param(orgId)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(3);

        JsonNode again = ok(api.upload(
                ADMIN,
                "/api/v1/admin/documents" + org(true),
                Map.of("folder", "wine"),
                List.of(new AdminClient.Part("sparkling.md", utf8("# 2020 Brut\n\nFine bubbles, green apple.\n")))));
        assertThat(strings(again.path("unchanged"))).containsExactly("wine/sparkling.md");
    }

    @Test
    void uploadsBeyondTheLimitsOrWithoutFilesAreRefusedAndImportNothing() {
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            bomb.put("zeros-" + i + ".md", new byte[1_900_000]); // each under the file limit, 20.9 MB in all
        }
        HttpResponse<String> tooLarge = api.upload(
                ADMIN, "/api/v1/admin/documents" + org(true), Map.of(), List.of(AdminClient.zip("bomb.zip", bomb)));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(problemType(tooLarge)).endsWith("/upload-too-large");

        HttpResponse<String> outside = api.upload(
                ADMIN,
                "/api/v1/admin/documents" + org(true),
                Map.of("folder", "../up"),
                List.of(new AdminClient.Part("a.md", utf8("# A\n\nText.\n"))));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(problemType(outside)).endsWith("/invalid-folder");

        HttpResponse<String> none =
                api.upload(ADMIN, "/api/v1/admin/documents" + org(true), Map.of("folder", "wine"), List.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(problemType(none)).endsWith("/no-files");
        assertThat(jdbc.sql("SELECT count(*) FROM kb_document WHERE org_id = ?")
                        .param(orgId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void deleteRemovesTheDocumentAndItsChunksKeepsItsVersionsAndRollbackRestoresIt() {
        String hash = saved(put("events/weddings.md", "# Weddings\n\nWe host up to 120 guests in the barn.\n", null));
        saved(put("events/gala.md", "# Harvest Gala\n\nEvery October.\n", null));

        HttpResponse<String> stale = api.delete(
                ADMIN, "/api/v1/admin/documents?path=" + q("events/weddings.md") + "&expectedHash=deadbeef" + org());
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> deleted = api.delete(
                ADMIN, "/api/v1/admin/documents?path=" + q("events/weddings.md") + "&expectedHash=" + hash + org());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

        assertThat(api.get(ADMIN, "/api/v1/admin/documents?path=" + q("events/weddings.md") + org())
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM kb_chunk c JOIN kb_document d ON d.id = c.document_id "
                                + "WHERE c.org_id = ? AND d.path = 'events/weddings.md'")
                        .param(orgId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(api.delete(ADMIN, "/api/v1/admin/documents?path=" + q("events/weddings.md") + org())
                        .statusCode())
                .as("deleting again")
                .isEqualTo(404);

        JsonNode versions =
                ok(api.get(ADMIN, "/api/v1/admin/documents/versions?path=" + q("events/weddings.md") + org()));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("kind").asString()).isEqualTo("DELETE");
        JsonNode gone = ok(api.get(ADMIN, "/api/v1/admin/documents/deleted" + org(true)));
        assertThat(gone)
                .singleElement()
                .satisfies(v -> assertThat(v.path("path").asString()).isEqualTo("events/weddings.md"));
        JsonNode audit = ok(api.get(ADMIN, "/api/v1/admin/audit?action=document.deleted" + org()));
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.path("target").asString()).isEqualTo("events/weddings.md");
            assertThat(e.path("before").asString()).contains("120 guests");
            assertThat(e.path("after").isNull()).isTrue();
        });

        ok(api.post(
                ADMIN,
                "/api/v1/admin/documents/rollback?path=" + q("events/weddings.md") + "&version="
                        + versions.get(0).path("id").asLong() + org()));
        assertThat(ok(api.get(ADMIN, "/api/v1/admin/documents?path=" + q("events/weddings.md") + org()))
                        .path("markdown")
                        .asString())
                .contains("120 guests");
        assertThat(ok(api.get(ADMIN, "/api/v1/admin/documents/deleted" + org(true))))
                .isEmpty();
    }

    @Test
    void viewersMayNotChangeKnowledgeAndEditorsMayNotReadTheAuditLog() {
        String path = "it-" + UUID.randomUUID().toString().substring(0, 8) + "/note.md";
        HttpResponse<String> created =
                api.putMarkdown("editor", "/api/v1/admin/documents?path=" + q(path), "# Note\n\nBy the editor.\n");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        long version = ok(api.get("viewer", "/api/v1/admin/documents/versions?path=" + q(path)))
                .get(0)
                .path("id")
                .asLong();

        for (HttpResponse<String> refused : List.of(
                api.putMarkdown("viewer", "/api/v1/admin/documents?path=" + q(path), "# Note\n\nBy the viewer.\n"),
                api.upload(
                        "viewer",
                        "/api/v1/admin/documents",
                        Map.of(),
                        List.of(new AdminClient.Part("v.md", utf8("# V\n\nx\n")))),
                api.delete("viewer", "/api/v1/admin/documents?path=" + q(path)),
                api.post("viewer", "/api/v1/admin/documents/rollback?path=" + q(path) + "&version=" + version),
                api.get("viewer", "/api/v1/admin/audit"),
                api.get("editor", "/api/v1/admin/audit"))) {
            assertThat(refused.statusCode())
                    .as(refused.request().method() + " " + refused.request().uri())
                    .isEqualTo(403);
            assertThat(problemType(refused)).isEqualTo("https://cellardoor.io/problems/forbidden");
        }
        assertThat(ok(api.get("viewer", "/api/v1/admin/documents?path=" + q(path)))
                        .path("markdown")
                        .asString())
                .contains("By the editor.");

        JsonNode events = ok(api.get("org-admin", "/api/v1/admin/audit?actor=editor&action=document.saved"));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("target").asString()).isEqualTo(path);
            assertThat(e.path("after").asString()).contains("By the editor.");
            assertThat(e.path("at").asString()).isNotBlank();
        });
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        assertThat(ok(api.get("org-admin", "/api/v1/admin/audit?actor=editor&from=" + today + "&to=" + today)))
                .anySatisfy(e -> assertThat(e.path("target").asString()).isEqualTo(path));
        assertThat(ok(api.get("org-admin", "/api/v1/admin/audit?actor=editor&from=" + tomorrow)))
                .isEmpty();
        assertThat(problemType(api.get("org-admin", "/api/v1/admin/audit?from=yesterday")))
                .endsWith("/invalid-date");
    }

    @Test
    void anotherOrgsAdminSeesNoneOfDemosVersionsAndCannotRollThemBack() {
        String path = "it-" + UUID.randomUUID().toString().substring(0, 8) + "/secret.md";
        assertThat(api.putMarkdown("editor", "/api/v1/admin/documents?path=" + q(path), "# Secret\n\nDemo only.\n")
                        .statusCode())
                .isEqualTo(200);
        long version = ok(api.get("editor", "/api/v1/admin/documents/versions?path=" + q(path)))
                .get(0)
                .path("id")
                .asLong();

        assertThat(ok(api.get("other-admin", "/api/v1/admin/documents/versions?path=" + q(path))))
                .isEmpty();
        assertThat(api.get("other-admin", "/api/v1/admin/documents/versions/" + version)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("other-admin", "/api/v1/admin/documents/versions/" + version + "/diff")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.post("other-admin", "/api/v1/admin/documents/rollback?path=" + q(path) + "&version=" + version)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.delete("other-admin", "/api/v1/admin/documents?path=" + q(path))
                        .statusCode())
                .isEqualTo(404);
        assertThat(ok(api.get("other-admin", "/api/v1/admin/audit?actor=editor")))
                .isEmpty();
        assertThat(api.get("editor", "/api/v1/admin/documents?path=" + q(path)).statusCode())
                .isEqualTo(200);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    HttpResponse<String> put(String path, String markdown, String expectedHash) {
        return api.putMarkdown(
                ADMIN,
                "/api/v1/admin/documents?path=" + q(path)
                        + (expectedHash == null ? "" : "&expectedHash=" + expectedHash) + org(),
                markdown);
    }

    /** Asserts a save succeeded and returns the document's new content hash. */
    String saved(HttpResponse<String> response) {
        ok(response);
        String path = java.net.URLDecoder.decode(
                response.uri().getQuery().replaceAll(".*path=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        return ok(api.get(ADMIN, "/api/v1/admin/documents?path=" + q(path) + org()))
                .path("contentHash")
                .asString();
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("%s %s: %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(200);
        return json.readTree(response.body());
    }

    String org() {
        return org(false);
    }

    /** {@code &org=SLUG}, or {@code ?org=SLUG} for a path without a query. */
    String org(boolean first) {
        return (first ? "?" : "&") + "org=" + slug;
    }

    String problemType(HttpResponse<String> response) {
        return json.readTree(response.body()).path("type").asString();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
