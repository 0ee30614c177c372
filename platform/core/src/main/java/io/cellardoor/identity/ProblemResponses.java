package io.cellardoor.identity;

import io.cellardoor.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The admin API's refusals as problem+json: 401 {@code unauthorized} (no, bad or expired token; with the RFC 6750
 * {@code WWW-Authenticate} header), 403 {@code forbidden} (a role too low), 503 {@code identity-unavailable} (the
 * provider's keys could not be fetched).
 *
 * <p>The caller of a 403 is read from the {@link SecurityContextHolderStrategy} the filter chain itself uses (the
 * context's bean when there is one), never from the static {@code SecurityContextHolder}: the admin console (Vaadin)
 * registers its own strategy per application context and installs it as the JVM-wide one, so once a second context
 * starts in the same JVM the static holder no longer holds this chain's authentication, and the refusal would go
 * unaudited.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ApplicationEventPublisher events;
    private final SecurityContextHolderStrategy securityContexts;

    /**
     * @param events where {@link StaffAccessDenied} is published
     * @param securityContexts the strategy the filter chain stores the authentication in
     */
    ProblemResponses(ApplicationEventPublisher events, SecurityContextHolderStrategy securityContexts) {
        this.events = events;
        this.securityContexts = securityContexts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e); // status and WWW-Authenticate
        ApiProblem.unauthorized(
                        request.getHeader("Authorization") == null
                                ? "Send an access token of the identity provider: Authorization: Bearer <token>."
                                : "The access token is invalid, expired or not issued for this API.")
                .writeTo(response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (securityContexts.getContext().getAuthentication() instanceof StaffAuthentication staff) {
            StaffUser user = staff.getPrincipal();
            events.publishEvent(new StaffAccessDenied(
                    user.username(),
                    user.org(),
                    request.getMethod(),
                    request.getRequestURI(),
                    request.getRemoteAddr()));
        }
        ApiProblem.forbidden("Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".")
                .writeTo(response);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            log.warn("Could not verify a bearer token: {}", e.getMessage());
            new ApiProblem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "identity-unavailable",
                            "Identity provider unavailable",
                            "The token could not be verified now; please try again.")
                    .writeTo(response);
            return;
        }
        commence(request, response, e);
    }
}
