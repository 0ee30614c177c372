package io.cellardoor.plugin;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import io.cellardoor.web.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
 * Domain plugins in the admin API ({@code /api/v1/admin/plugins}), for the caller's org ({@link OrgScope}): VIEWER and
 * up read, ORG_ADMIN and up enable/disable and set settings, PLATFORM_ADMIN uploads and removes jars and sees refused
 * ones (roles checked by the admin API's security chain).
 */
@RestController
@RequestMapping("/api/v1/admin/plugins")
class PluginAdminController {

    /** Body of {@code PUT …/enabled}. */
    record Enabled(boolean enabled) {}

    private final OrgPlugins plugins;
    private final PluginUploads uploads;
    private final PluginRemovals removals;
    private final PluginJars jars;
    private final OrgScope orgs;

    PluginAdminController(
            OrgPlugins plugins, PluginUploads uploads, PluginRemovals removals, PluginJars jars, OrgScope orgs) {
        this.plugins = plugins;
        this.uploads = uploads;
        this.removals = removals;
        this.jars = jars;
        this.orgs = orgs;
    }

    /** {@code GET /api/v1/admin/plugins}: loaded plugins with health, the org's enabled state and settings. */
    @GetMapping
    List<OrgPlugin> list(
            @AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String org) {
        return plugins.list(orgs.orgId(user, org));
    }

    /**
     * {@code GET /api/v1/admin/plugins/jars} (PLATFORM_ADMIN): the signature policy and the jars the plugins folder's
     * scan refused, with the reason.
     */
    @GetMapping("/jars")
    PluginJars.State jars() {
        return jars.state();
    }

    /** {@code PUT /api/v1/admin/plugins/{pluginId}/enabled} {@code {"enabled": false}}: for the org's chats only. */
    @PutMapping("/{pluginId}/enabled")
    List<OrgPlugin> enable(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable String pluginId,
            @RequestBody Enabled body,
            @RequestParam(required = false) @Nullable String org) {
        return plugins.setEnabled(orgs.orgId(user, org), user.username(), pluginId, body.enabled());
    }

    /** {@code PUT /api/v1/admin/plugins/{pluginId}/settings} {@code {"key": "value"}}: replaces the org's values. */
    @PutMapping("/{pluginId}/settings")
    List<OrgPlugin> settings(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable String pluginId,
            @RequestBody Map<String, String> body,
            @RequestParam(required = false) @Nullable String org) {
        return plugins.saveSettings(orgs.orgId(user, org), user.username(), pluginId, body);
    }

    /** {@code POST /api/v1/admin/plugins} (multipart, part {@code file}): 201 with the loaded plugin. */
    @PostMapping
    ResponseEntity<PluginUploadResult> upload(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid(
                    "missing-file",
                    "Missing file",
                    "Send the plugin jar as multipart/form-data in a part named 'file'.");
        }
        String name = file.getOriginalFilename() == null ? "upload.jar" : file.getOriginalFilename();
        try {
            PluginUploadResult result =
                    uploads.install(name, file.getInputStream(), orgs.orgId(user, null), user.username());
            return ResponseEntity.created(URI.create("/api/v1/admin/plugins/" + result.pluginId()))
                    .body(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code DELETE /api/v1/admin/plugins/{pluginId}}: unloads the plugin for every org and deletes its jar; 204, or a
     * 404 problem for an id no loaded plugin has. Audited in the caller's org as {@code plugin.remove}.
     */
    @DeleteMapping("/{pluginId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal StaffUser user, @PathVariable String pluginId) {
        removals.remove(pluginId, orgs.orgId(user, null), user.username());
        return ResponseEntity.noContent().build();
    }
}
