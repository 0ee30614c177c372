package io.cellardoor.answer;

import io.cellardoor.web.ApiProblem;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The LLM providers' breakers in the admin API (PLATFORM_ADMIN, checked by the admin API's security chain):
 * {@code GET /api/v1/admin/llm-providers} lists them in order with their state, {@code POST
 * /api/v1/admin/llm-providers/{name}/reset} closes one (204; 404 {@code not-found}).
 */
@RestController
@RequestMapping("/api/v1/admin/llm-providers")
class LlmProviderAdminController {

    private final LlmProviders providers;

    LlmProviderAdminController(LlmProviders providers) {
        this.providers = providers;
    }

    @GetMapping
    List<LlmProviders.Status> list() {
        return providers.status();
    }

    @PostMapping("/{name}/reset")
    ResponseEntity<Void> reset(@PathVariable String name) {
        if (!providers.reset(name)) {
            throw ApiProblem.notFound("LLM provider '" + name + "'");
        }
        return ResponseEntity.noContent().build();
    }
}
