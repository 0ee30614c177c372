package io.cellardoor.testbench;

import io.cellardoor.identity.OrgScope;
import io.cellardoor.identity.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/test-bench {"question": "..."}}: a {@link BenchResult} (VIEWER and above; a dry run stores
 * nothing), scoped by {@link OrgScope}. 400 {@code blank-message}, 413 {@code message-too-long}.
 */
@RestController
class TestBenchAdminController {

    /** The request body. */
    record Question(@Nullable String question) {}

    private final TestBench bench;
    private final OrgScope orgs;

    TestBenchAdminController(TestBench bench, OrgScope orgs) {
        this.bench = bench;
        this.orgs = orgs;
    }

    @PostMapping("/api/v1/admin/test-bench")
    BenchResult run(
            @AuthenticationPrincipal StaffUser user,
            @RequestBody Question body,
            @RequestParam(required = false) @Nullable String org) {
        return bench.run(orgs.orgId(user, org), body.question());
    }
}
