package io.cellardoor.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/me}: who the bearer token says the caller is. */
@RestController
class MeController {

    record Me(String subject, String username, @Nullable String org, List<Role> roles) {}

    @GetMapping("/api/v1/admin/me")
    Me me(@AuthenticationPrincipal StaffUser user) {
        return new Me(
                user.subject(),
                user.username(),
                user.org(),
                user.roles().stream().sorted().toList());
    }
}
