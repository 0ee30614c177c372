package io.cellardoor.widget;

import io.cellardoor.tenant.Site;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Who calls the browser-facing API: the site its {@code X-Site-Key} names and the anonymous visitor its
 * {@code X-Visitor-Token} names (null without a valid token). Resolved once per request by the widget API's request
 * filter and handed to controllers as a method parameter; a controller that declares it answers 401
 * {@code unknown-site-key} when the key is missing or unknown.
 *
 * @param site the site
 * @param visitorId the verified visitor, or null for an anonymous turn
 * @param rateLimit the request's rate limits: completes normally when they let it through, exceptionally with
 *     {@link io.cellardoor.web.ApiProblem} 429 {@code rate-limited} (with {@code Retry-After}) when a bucket was
 *     empty. The filter decides every request before the controller except a chat message ({@code POST
 *     /api/v1/chat}, {@code /api/v1/chat/stream}), whose buckets are taken while its answer starts: the chat waits for
 *     this before it sends, stores, counts or calls a model (docs/decisions/0066).
 */
public record WidgetCaller(Site site, @Nullable UUID visitorId, CompletableFuture<@Nullable Void> rateLimit) {

    /** The request attribute the filter stores the caller under. */
    public static final String ATTRIBUTE = WidgetCaller.class.getName();

    /** A caller whose rate limits were already checked (and let it through). */
    public WidgetCaller(Site site, @Nullable UUID visitorId) {
        this(site, visitorId, CompletableFuture.completedFuture(null));
    }
}
