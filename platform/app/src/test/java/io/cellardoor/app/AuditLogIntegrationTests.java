package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellardoor.audit.AuditEvent;
import io.cellardoor.audit.AuditLog;
import io.cellardoor.audit.AuditLog.AuditQuery;
import io.cellardoor.tenant.TenantService;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log against the real PostgreSQL: per org, newest first, filtered, long states cut. */
class AuditLogIntegrationTests extends IntegrationTestSupport {

    @Autowired
    AuditLog audit;

    @Autowired
    TenantService tenants;

    @Test
    void eventsAreListedPerOrgNewestFirstAndFiltered() {
        long a = tenants.ensureOrg("audit-a-" + UUID.randomUUID(), "A");
        long b = tenants.ensureOrg("audit-b-" + UUID.randomUUID(), "B");
        audit.record(a, "editor", "document.saved", "visiting/hours.md", "old", "new");
        audit.record(a, "org-admin", "site.origins-changed", "site-1", "[]", "[\"https://x.test\"]");
        audit.record(b, "other-admin", "document.deleted", "secret.md", "x", null);

        assertThat(audit.list(a, AuditQuery.recent()))
                .extracting(AuditEvent::action)
                .containsExactly("site.origins-changed", "document.saved");
        assertThat(audit.list(
                        a, new AuditQuery(Instant.EPOCH, Instant.now().plusSeconds(5), null, "document.", null, 10)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("editor");
                    assertThat(e.target()).isEqualTo("visiting/hours.md");
                    assertThat(e.before()).isEqualTo("old");
                    assertThat(e.after()).isEqualTo("new");
                });
        assertThat(audit.list(
                        a, new AuditQuery(Instant.EPOCH, Instant.now().plusSeconds(5), "org-admin", null, null, 10)))
                .extracting(AuditEvent::target)
                .containsExactly("site-1");
        long newest = audit.list(a, AuditQuery.recent()).getFirst().id();
        assertThat(audit.list(a, new AuditQuery(Instant.EPOCH, Instant.now().plusSeconds(5), null, null, newest, 10)))
                .extracting(AuditEvent::action)
                .containsExactly("document.saved");
        assertThat(audit.list(b, AuditQuery.recent()))
                .singleElement()
                .satisfies(e -> assertThat(e.after()).isNull());
    }

    @Test
    void longStatesAreCutAndBlankFieldsRefused() {
        long org = tenants.ensureOrg("audit-c-" + UUID.randomUUID(), "C");
        audit.record(org, "editor", "document.saved", "big.md", null, "x".repeat(200_000));
        assertThat(audit.list(org, AuditQuery.recent()).getFirst().after())
                .hasSizeLessThan(100_100)
                .endsWith("[cut]");
        assertThatThrownBy(() -> audit.record(org, " ", "document.saved", "big.md", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
