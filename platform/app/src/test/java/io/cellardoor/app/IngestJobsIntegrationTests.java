package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.ingest.IngestJobs;
import io.cellardoor.tenant.TenantService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Uploads as jobs: accepted at once with an id, progress and outcome (counts, per-file failures, times) read back; a
 * job whose instance died mid-import is marked failed by the next start, and the knowledge keeps serving.
 */
class IngestJobsIntegrationTests extends AdminApiSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    IngestJobs jobs;

    AdminClient api;

    @BeforeEach
    void client() {
        api = new AdminClient(identity.issuerUri(), this::uri, json);
        tenants.ensureOrg("demo", "Demo Vineyard");
    }

    @Test
    void anUploadRunsAsAJobWithProgressCountsAndFailures() throws Exception {
        String folder = "jobs-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> accepted = api.upload(
                "editor",
                "/api/v1/admin/ingest-jobs",
                Map.of("folder", folder),
                List.of(
                        new AdminClient.Part(
                                "cellar.md",
                                "# Cellar\n\nThe cellar holds 312 barrels.\n".getBytes(StandardCharsets.UTF_8)),
                        AdminClient.zip(
                                "more.zip",
                                Map.of(
                                        "terrace.md",
                                                "# Terrace\n\nThe terrace seats 40.\n".getBytes(StandardCharsets.UTF_8),
                                        "notes.txt", "not markdown".getBytes(StandardCharsets.UTF_8)))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job = json.readTree(accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .isEqualTo("/api/v1/admin/ingest-jobs/" + job.path("id").asString());
        assertThat(job.path("status").asString()).isIn("queued", "running", "succeeded");

        JsonNode done = awaitFinished(location);
        assertThat(done.path("status").asString()).isEqualTo("succeeded");
        assertThat(done.path("added").asInt()).isEqualTo(2);
        assertThat(done.path("filesDone").asInt()).isEqualTo(2);
        assertThat(done.path("failures").get(0).path("path").asString()).endsWith("notes.txt");
        assertThat(done.path("startedAt").isNull()).isFalse();
        assertThat(done.path("finishedAt").isNull()).isFalse();
        assertThat(done.path("requestedBy").asString()).isEqualTo("editor");

        assertThat(call("GET", "/api/v1/admin/ingest-jobs", "viewer", null).body())
                .contains(job.path("id").asString());
        assertThat(api.upload(
                                "viewer",
                                "/api/v1/admin/ingest-jobs",
                                Map.of(),
                                List.of(new AdminClient.Part("a.md", new byte[] {'#'})))
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/admin/ingest-jobs/" + UUID.randomUUID(), "viewer", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aJobWhoseInstanceDiedIsMarkedFailedOnTheNextStart() {
        long demo = tenants.ensureOrg("demo", "Demo Vineyard");
        UUID id = UUID.randomUUID();
        asOwner().sql("""
                        INSERT INTO ingest_job (id, org_id, source, requested_by, status, files_total, files_done,
                            started_at, heartbeat_at)
                        VALUES (?, ?, 'upload to wine (1 file)', 'editor', 'running', 10, 4, now() - interval '10 minutes',
                            now() - interval '10 minutes')""").params(id, demo).update();
        UUID fresh = UUID.randomUUID();
        asOwner()
                .sql(
                        "INSERT INTO ingest_job (id, org_id, source, requested_by, status) VALUES (?, ?, 'upload', 'editor', 'running')")
                .params(fresh, demo)
                .update();

        assertThat(jobs.failStalled()).isGreaterThanOrEqualTo(1); // what every start-up runs
        JsonNode stalled = get("/api/v1/admin/ingest-jobs/" + id, "viewer");
        assertThat(stalled.path("status").asString()).isEqualTo("failed");
        assertThat(stalled.path("error").asString()).contains("interrupted");
        assertThat(stalled.path("filesDone").asInt()).isEqualTo(4);
        assertThat(get("/api/v1/admin/ingest-jobs/" + fresh, "viewer")
                        .path("status")
                        .asString())
                .as("a job another live instance is running")
                .isEqualTo("running");
        asOwner().sql("DELETE FROM ingest_job WHERE id = ?").param(fresh).update();
    }

    private JsonNode awaitFinished(String location) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = get(location, "viewer");
            if (job.path("status").asString().equals("succeeded")
                    || job.path("status").asString().equals("failed")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job not finished within 60 s");
    }
}
