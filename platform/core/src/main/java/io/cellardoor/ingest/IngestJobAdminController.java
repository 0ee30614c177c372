package io.cellardoor.ingest;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.knowledge.UploadedFile;
import io.cellardoor.web.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports as jobs in the admin API: {@code POST /api/v1/admin/ingest-jobs} (EDITOR and up; multipart parts
 * {@code file} and {@code folder}, as {@code POST /api/v1/admin/documents}) answers 202 with the job and its
 * {@code Location}; {@code GET /api/v1/admin/ingest-jobs/{id}} (VIEWER and up) its status, counts, per-file failures,
 * started and finished; {@code GET /api/v1/admin/ingest-jobs} the latest jobs.
 */
@RestController
@RequestMapping("/api/v1/admin/ingest-jobs")
class IngestJobAdminController {

    private final IngestJobs jobs;
    private final OrgScope orgs;

    IngestJobAdminController(IngestJobs jobs, OrgScope orgs) {
        this.jobs = jobs;
        this.orgs = orgs;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IngestJob> submit(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(defaultValue = "") String folder,
            @RequestParam(required = false) @Nullable String org) {
        if (files == null || files.isEmpty()) {
            throw ApiProblem.invalid("no-files", "No files", "Send one or more parts named 'file' (.md or .zip).");
        }
        long orgId = orgs.orgId(user, org);
        List<UploadedFile> uploaded = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            try {
                uploaded.add(new UploadedFile(name == null || name.isBlank() ? "unnamed" : name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        IngestJob job = jobs.submit(orgId, user.username(), folder, uploaded);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/ingest-jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/{id}")
    IngestJob job(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String org) {
        return jobs.find(orgs.orgId(user, org), id).orElseThrow(() -> ApiProblem.notFound("Ingest job " + id));
    }

    @GetMapping
    List<IngestJob> recent(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) @Nullable String org) {
        return jobs.recent(orgs.orgId(user, org), limit);
    }
}
