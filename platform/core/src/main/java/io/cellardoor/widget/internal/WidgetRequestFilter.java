package io.cellardoor.widget.internal;

import io.cellardoor.ratelimit.PlanRates;
import io.cellardoor.ratelimit.RateLimitPlans;
import io.cellardoor.ratelimit.RateLimits;
import io.cellardoor.tenant.Site;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.VisitorTokens;
import io.cellardoor.widget.WidgetCaller;
import io.cellardoor.widget.WidgetRateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the browser-facing API ({@code /api/v1/chat/**}, {@code /api/v1/widget/**}, {@code /api/v1/messages/**},
 * {@code /api/v1/handoffs}):
 * <ul>
 *   <li>CORS: preflights are answered for any origin (the site key is not sent with them); the actual request is
 *       allowed only from the site's allowed origins or the server's own origin, else 403 {@code origin-not-allowed}.
 *       Requests without an {@code Origin} header (servers, curl) are not browser calls and pass.</li>
 *   <li>Retired keys: a key of a revoked site, or one replaced by a rotation after its grace period, gets 403
 *       {@code site-key-revoked} / {@code site-key-rotated} on every call (unknown keys go on to the 401 of the
 *       controllers).</li>
 *   <li>Rate limits ({@link RateLimits}, shared by every instance, limits of the site's org from {@link RateLimitPlans}):
 *       POSTs are counted per visitor (token, else client address on that site) and per site, and every POST,
 *       session requests included, per client address; over a limit they get 429 {@code rate-limited} with
 *       {@code Retry-After}. A chat message's buckets are taken while its answer starts, and the chat refuses it
 *       the same way before it sends anything ({@link WidgetCaller#rateLimit()}); a bucket this instance remembers as
 *       empty refuses it here. The chat WebSocket counts each message the same way ({@link WidgetRateLimits}).</li>
 *   <li>The chat WebSocket's handshake ({@code GET /ws/chat}) goes through the same checks; browsers cannot set headers
 *       on it, so it may carry the key and the visitor token as the query parameters {@code siteKey} and
 *       {@code visitorToken}.</li>
 * </ul>
 */
@Component
class WidgetRequestFilter extends OncePerRequestFilter implements WidgetRateLimits {

    static final String ALLOWED_HEADERS = "Content-Type, X-Site-Key, X-Visitor-Token";

    private final TenantService tenants;
    private final VisitorTokens tokens;
    private final RateLimits limits;
    private final RateLimitPlans plans;

    WidgetRequestFilter(TenantService tenants, VisitorTokens tokens, RateLimits limits, RateLimitPlans plans) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.limits = limits;
        this.plans = plans;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/v1/chat")
                || path.startsWith("/api/v1/widget/")
                || path.startsWith("/api/v1/messages/")
                || path.equals("/api/v1/handoffs")
                || path.equals(CHAT_SOCKET));
    }

    /** The chat WebSocket's path. */
    static final String CHAT_SOCKET = "/ws/chat";

    /**
     * The chat's message endpoints: their buckets are taken while the answer starts, and the chat waits for the verdict
     * ({@link WidgetCaller#rateLimit()}) before anything a refused request must not do.
     */
    static final Set<String> CHAT_MESSAGES = Set.of("/api/v1/chat", "/api/v1/chat/stream");

    @Override
    public long tryTake(Site site, @Nullable UUID visitorId, String remoteAddress) {
        return limits.tryTakeAll(takes(site, visitorId, remoteAddress, false));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.addHeader("Vary", "Origin");
            response.setHeader("Access-Control-Expose-Headers", "Retry-After");
            if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST");
                response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
        }
        boolean socket = request.getRequestURI().equals(CHAT_SOCKET);
        String siteKey = request.getHeader("X-Site-Key");
        if (siteKey == null && socket) {
            siteKey = request.getParameter("siteKey");
        }
        Optional<Site> site = siteKey == null ? Optional.empty() : tenants.findSite(siteKey);
        if (siteKey != null && site.isEmpty()) {
            Optional<TenantService.RetiredKey> retired = tenants.retiredKey(siteKey);
            if (retired.isPresent()) {
                retired.get().problem().writeTo(response);
                return;
            }
        }
        if (site.isPresent() && origin != null && !allowed(site.get(), origin, request)) {
            ApiProblem.originNotAllowed(origin).writeTo(response);
            return;
        }
        if (site.isPresent()) {
            String token = request.getHeader("X-Visitor-Token");
            if (token == null && socket) {
                token = request.getParameter("visitorToken");
            }
            UUID visitorId = token == null
                    ? null
                    : tokens.verify(token, site.get().id())
                            .map(VisitorTokens.Visitor::visitorId)
                            .orElse(null);
            boolean post = "POST".equals(request.getMethod());
            boolean chat = post && CHAT_MESSAGES.contains(request.getRequestURI());
            List<RateLimits.Take> takes = post
                    ? takes(
                            site.get(),
                            visitorId,
                            request.getRemoteAddr(),
                            request.getRequestURI().equals("/api/v1/widget/session"))
                    : List.of();
            CompletableFuture<Long> wait = chat
                    ? limits.startTakeAll(takes)
                    : CompletableFuture.completedFuture(takes.isEmpty() ? 0L : limits.tryTakeAll(takes));
            if (wait.isDone()) {
                long seconds = wait.join();
                if (seconds > 0) {
                    refused(seconds).writeTo(response);
                    return;
                }
            }
            request.setAttribute(
                    WidgetCaller.ATTRIBUTE, new WidgetCaller(site.get(), visitorId, wait.thenAccept(seconds -> {
                        if (seconds > 0) {
                            throw refused(seconds);
                        }
                    })));
        }
        chain.doFilter(request, response);
    }

    /**
     * The buckets a POST is counted in: the client address's, and, except a session request, the visitor's and the
     * site's (taken all at once; a refusal gives back what the other buckets took).
     */
    private List<RateLimits.Take> takes(Site site, @Nullable UUID visitorId, String address, boolean session) {
        PlanRates plan = plans.ratesFor(site.orgId());
        RateLimits.Take byAddress = new RateLimits.Take(RateLimits.Kind.ADDRESS, address, plan.addressPerMinute());
        if (session) {
            return List.of(byAddress);
        }
        String visitor = visitorId != null ? visitorId.toString() : site.id() + "@" + address;
        return List.of(
                byAddress,
                new RateLimits.Take(RateLimits.Kind.VISITOR, visitor, plan.visitorPerMinute()),
                new RateLimits.Take(RateLimits.Kind.SITE, Long.toString(site.id()), plan.sitePerMinute()));
    }

    private static ApiProblem refused(long seconds) {
        return ApiProblem.rateLimited(seconds, "Too many messages in a short time; try again in " + seconds + " s.");
    }

    /** Whether a page on this origin may call the site's chat: listed, or the server's own origin. */
    static boolean allowed(Site site, String origin, HttpServletRequest request) {
        String normalised = normalise(origin);
        if (site.allowedOrigins().stream().map(WidgetRequestFilter::normalise).anyMatch(normalised::equals)) {
            return true;
        }
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        String own = request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return normalised.equals(normalise(own));
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
