package io.cellardoor.audit;

import io.cellardoor.identity.StaffAccessDenied;
import io.cellardoor.tenant.TenantService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Staff sign-ins and sign-outs of the console and the admin API's 403 refusals, in the audit log of the user's org:
 * actions {@code auth.sign-in}, {@code auth.sign-out} and {@code auth.denied}, with the user as actor and
 * {@code {"ip", "org"}} (and the refused call as target). Users without an org (a platform admin) are only logged.
 */
@Component
class SecurityEventRecorder {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventRecorder.class);

    private final AuditLog audit;
    private final TenantService tenants;
    private final ObjectMapper json;

    SecurityEventRecorder(AuditLog audit, TenantService tenants, ObjectMapper json) {
        this.audit = audit;
        this.tenants = tenants;
        this.json = json;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        // Bearer tokens authenticate every API call; only the console's interactive sign-in is a sign-in.
        Authentication authentication = event.getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken
                || authentication instanceof OAuth2LoginAuthenticationToken) {
            record(authentication, "auth.sign-in", "console");
        }
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        record(event.getAuthentication(), "auth.sign-out", "console");
    }

    @EventListener
    void denied(StaffAccessDenied event) {
        record(event.username(), event.org(), event.ip(), "auth.denied", event.method() + " " + event.path());
    }

    private void record(@Nullable Authentication authentication, String action, String target) {
        if (authentication == null) {
            return;
        }
        String org = authentication.getPrincipal() instanceof OidcUser user ? user.getClaimAsString("org") : null;
        String username = authentication.getPrincipal() instanceof OidcUser user && user.getPreferredUsername() != null
                ? user.getPreferredUsername()
                : authentication.getName();
        record(username, org, clientIp(), action, target);
    }

    private void record(String username, @Nullable String org, String ip, String action, String target) {
        Optional<Long> orgId = org == null ? Optional.empty() : tenants.findOrgId(org);
        if (orgId.isEmpty()) {
            log.info("{} {} by {} from {} (no org to audit in)", action, target, username, ip);
            return;
        }
        try {
            audit.record(
                    orgId.get(),
                    username,
                    action,
                    target,
                    null,
                    json.writeValueAsString(java.util.Map.of("ip", ip, "org", org)));
        } catch (RuntimeException e) {
            log.warn("Could not audit {} of {}: {}", action, username, e.toString());
        }
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
