package io.cellardoor.plugin;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/plugins}: the loaded domain plugins and their health, for any staff role. */
@RestController
class PluginAdminController {

    private final PluginHost host;

    PluginAdminController(PluginHost host) {
        this.host = host;
    }

    @GetMapping("/api/v1/admin/plugins")
    List<PluginHealth> plugins() {
        return host.health();
    }
}
