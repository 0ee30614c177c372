package io.cellardoor.knowledge;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The org's knowledge in the admin API, the console's twin: documents, save, upload, delete, versions, diff and
 * rollback. Reads need VIEWER, writes EDITOR (checked by the admin API's security chain); the org is the caller's
 * ({@link OrgScope}); the actor of every change is the caller's username.
 */
@RestController
@RequestMapping("/api/v1/admin/documents")
class DocumentAdminController {

    private final DocumentService documents;
    private final KnowledgeStore store;
    private final OrgScope orgs;

    DocumentAdminController(DocumentService documents, KnowledgeStore store, OrgScope orgs) {
        this.documents = documents;
        this.store = store;
        this.orgs = orgs;
    }

    /** {@code GET /api/v1/admin/documents}: every document (path, title, folder, updatedAt), in path order. */
    @GetMapping(params = "!path")
    List<KnowledgeStore.DocumentInfo> list(
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return store.listAllDocuments(orgs.orgId(user, org));
    }

    /** {@code GET /api/v1/admin/documents?path=P}: the document's markdown and content hash; 404 when absent. */
    @GetMapping(params = "path")
    KnowledgeStore.DocumentSource source(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam String path,
            @RequestParam(required = false) @Nullable String org) {
        return store.findSource(orgs.orgId(user, org), path).orElseThrow(() -> ApiProblem.notFound("Document " + path));
    }

    /**
     * {@code PUT /api/v1/admin/documents?path=P[&expectedHash=H]} with the markdown as the body: saves and re-indexes;
     * {@code expectedHash} is the content hash the edit started from (absent for a new document). 409
     * {@code stale-document} when the document changed since, 400 {@code invalid-document} when it cannot be parsed.
     */
    @PutMapping(
            params = "path",
            consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_MARKDOWN_VALUE})
    ImportReport save(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam String path,
            @RequestParam(required = false) @Nullable String expectedHash,
            @RequestBody String markdown,
            @RequestParam(required = false) @Nullable String org) {
        String safe = UploadReader.safePath(path);
        if (safe == null || !safe.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
            throw ApiProblem.invalid("invalid-path", "Invalid path", "path must be a relative path of a .md file.");
        }
        long orgId = orgs.orgId(user, org);
        try {
            return documents.save(orgId, user.username(), safe, markdown, expectedHash, line -> {});
        } catch (StaleDocumentException e) {
            throw stale(e);
        } catch (InvalidDocumentException e) {
            throw ApiProblem.invalid("invalid-document", "Invalid document", e.getMessage());
        }
    }

    /**
     * {@code POST /api/v1/admin/documents} (multipart): parts {@code file} (one or more {@code .md} files or
     * {@code .zip} archives; folders inside zips are kept) and optional {@code folder}. Files that cannot be imported
     * are listed in {@code skipped} with their path and reason; the rest is imported. 413 {@code upload-too-large}
     * beyond the count or size limits (nothing imported), 400 {@code no-files} or {@code invalid-folder}.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UploadReport upload(
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
        try {
            return documents.upload(orgId, user.username(), folder, uploaded, line -> {});
        } catch (UploadRejectedException e) {
            throw e.tooLarge()
                    ? new ApiProblem(
                            HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage())
                    : ApiProblem.invalid("invalid-folder", "Invalid folder", e.getMessage());
        }
    }

    /**
     * {@code DELETE /api/v1/admin/documents?path=P[&expectedHash=H]}: 204; the document and its chunks are gone, its
     * versions stay (restore with rollback). 404 when absent, 409 {@code stale-document} when it changed since.
     */
    @DeleteMapping(params = "path")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam String path,
            @RequestParam(required = false) @Nullable String expectedHash,
            @RequestParam(required = false) @Nullable String org) {
        try {
            if (!documents.delete(orgs.orgId(user, org), user.username(), path, expectedHash)) {
                throw ApiProblem.notFound("Document " + path);
            }
        } catch (StaleDocumentException e) {
            throw stale(e);
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code GET /api/v1/admin/documents/versions?path=P}: the document's versions, newest first (deleted ones too). */
    @GetMapping("/versions")
    List<DocumentVersion> versions(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam String path,
            @RequestParam(required = false) @Nullable String org) {
        return documents.versions(orgs.orgId(user, org), path);
    }

    /** {@code GET /api/v1/admin/documents/versions/{id}}: one version with its markdown. */
    @GetMapping("/versions/{id}")
    DocumentVersion.WithText version(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        return documents.version(orgs.orgId(user, org), id).orElseThrow(() -> ApiProblem.notFound("Version " + id));
    }

    /**
     * {@code GET /api/v1/admin/documents/versions/{id}/diff}: the version (old) against the current document (new),
     * line by line: {@code {"lines": [{"change": "SAME|REMOVED|ADDED", "oldNumber", "newNumber", "text"}]}}.
     */
    @GetMapping("/versions/{id}/diff")
    DocumentDiff diff(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String org) {
        return documents
                .diffWithCurrent(orgs.orgId(user, org), id)
                .orElseThrow(() -> ApiProblem.notFound("Version " + id));
    }

    /** {@code GET /api/v1/admin/documents/deleted}: deleted documents (their newest version), restorable by rollback. */
    @GetMapping("/deleted")
    List<DocumentVersion> deleted(
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return documents.deletedDocuments(orgs.orgId(user, org));
    }

    /**
     * {@code POST /api/v1/admin/documents/rollback?path=P&version=ID[&expectedHash=H]}: the version's text becomes the
     * document's new version (a deleted document comes back), re-indexed. 404 when the org has no such version of
     * that path, 409 {@code stale-document} when {@code expectedHash} is not the current hash.
     */
    @PostMapping(
            path = "/rollback",
            params = {"path", "version"})
    ImportReport rollback(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam String path,
            @RequestParam long version,
            @RequestParam(required = false) @Nullable String expectedHash,
            @RequestParam(required = false) @Nullable String org) {
        long orgId = orgs.orgId(user, org);
        if (documents
                .version(orgId, version)
                .filter(v -> v.version().path().equals(path))
                .isEmpty()) {
            throw ApiProblem.notFound("Version " + version + " of " + path);
        }
        try {
            return documents
                    .rollback(orgId, user.username(), version, expectedHash, line -> {})
                    .orElseThrow(() -> ApiProblem.notFound("Version " + version));
        } catch (StaleDocumentException e) {
            throw stale(e);
        } catch (InvalidDocumentException e) {
            throw ApiProblem.invalid("invalid-document", "Invalid document", e.getMessage());
        }
    }

    private static ApiProblem stale(StaleDocumentException e) {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "stale-document",
                "Document changed",
                e.path() + " changed since the version you started from (its content hash is now "
                        + (e.currentHash() == null ? "none: it was deleted" : e.currentHash()) + ").");
    }
}
