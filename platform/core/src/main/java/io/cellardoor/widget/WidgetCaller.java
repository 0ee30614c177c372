package io.cellardoor.widget;

import io.cellardoor.tenant.Site;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who calls the browser-facing API: the site its {@code X-Site-Key} names and the anonymous visitor its
 * {@code X-Visitor-Token} names (null without a valid token). Resolved once per request by the widget API's request
 * filter and handed to controllers as a method parameter; a controller that declares it answers 401
 * {@code unknown-site-key} when the key is missing or unknown.
 *
 * @param site the site
 * @param visitorId the verified visitor, or null for an anonymous turn
 */
public record WidgetCaller(Site site, @Nullable UUID visitorId) {

    /** The request attribute the filter stores the caller under. */
    public static final String ATTRIBUTE = WidgetCaller.class.getName();
}
