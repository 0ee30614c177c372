package io.cellardoor.admin.console;

import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import io.cellardoor.identity.ConsoleSecurityCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.web.authentication.AbstractAuthenticationTargetUrlRequestHandler;
import org.springframework.stereotype.Component;

/**
 * What Vaadin needs from the console's filter chain, on top of its rules (sign-in, VIEWER and up for every
 * {@code /admin/**} request): its internal requests (UI updates, heartbeats) carry Vaadin's own CSRF token, so
 * Spring's is not required of them; they are not remembered as the page to return to after sign-in; and
 * {@link AuthenticationContext#logout()} runs the chain's logout (ending the provider's session too), redirecting the
 * page rather than the Vaadin request it runs in (a redirected request would follow to the provider and fail).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class VaadinConsoleSecurity implements ConsoleSecurityCustomizer {

    private final RequestUtil requests;
    private final AuthenticationContext authentication;
    private final VaadinDefaultRequestCache requestCache;

    VaadinConsoleSecurity(
            RequestUtil requests, AuthenticationContext authentication, VaadinDefaultRequestCache requestCache) {
        this.requests = requests;
        this.authentication = authentication;
        this.requestCache = requestCache;
    }

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requests::isFrameworkInternalRequest))
                .requestCache(cache -> cache.requestCache(requestCache));
    }

    @Override
    public void built(HttpSecurity http) {
        AuthenticationContext.applySecurityConfiguration(http, authentication);
        // Sign out runs in a Vaadin request: send the page, not that request, to the provider's end-session endpoint.
        if (http.getConfigurer(LogoutConfigurer.class).getLogoutSuccessHandler()
                instanceof AbstractAuthenticationTargetUrlRequestHandler handler) {
            handler.setRedirectStrategy(new UidlRedirectStrategy());
        }
    }
}
