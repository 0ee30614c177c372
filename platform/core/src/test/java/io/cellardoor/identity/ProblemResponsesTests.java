package io.cellardoor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;

class ProblemResponsesTests {

    /** A strategy of its own, as the admin console's Vaadin-aware one is per application context. */
    static final class OwnStrategy implements SecurityContextHolderStrategy {
        private final ThreadLocal<SecurityContext> context = ThreadLocal.withInitial(SecurityContextImpl::new);

        @Override
        public void clearContext() {
            context.remove();
        }

        @Override
        public SecurityContext getContext() {
            return context.get();
        }

        @Override
        public void setContext(SecurityContext c) {
            context.set(c);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    static StaffAuthentication editor() {
        Jwt token = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claim("sub", "u-1")
                .claim("preferred_username", "editor")
                .claim("org", "demo")
                .claim("realm_access", Map.of("roles", List.of("EDITOR")))
                .build();
        return StaffAuthentication.of(token, "org");
    }

    @Test
    void aRefusalIsPublishedWithTheCallerOfTheChainsStrategyEvenWhenTheStaticHolderIsAnothers() throws Exception {
        // The chain's strategy holds the caller; the JVM-wide holder (another context's) holds nothing.
        OwnStrategy chains = new OwnStrategy();
        chains.setContext(new SecurityContextImpl(editor()));
        SecurityContextHolder.clearContext();
        List<Object> published = new ArrayList<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/admin/visitors/v-1/export");
        request.setRemoteAddr("127.0.0.1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ProblemResponses(published::add, chains).handle(request, response, new AccessDeniedException("denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("forbidden");
        assertThat(published)
                .containsExactly(new StaffAccessDenied(
                        "editor", "demo", "GET", "/api/v1/admin/visitors/v-1/export", "127.0.0.1"));
    }

    @Test
    void aRefusalWithoutAStaffCallerPublishesNothing() throws Exception {
        List<Object> published = new ArrayList<>();
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ProblemResponses(published::add, new OwnStrategy())
                .handle(
                        new MockHttpServletRequest("GET", "/api/v1/admin/audit"),
                        response,
                        new AccessDeniedException("x"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(published).isEmpty();
    }
}
