package io.cellardoor.widget;

import io.cellardoor.tenant.Site;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The widget API's rate limits (per visitor, per site), for callers that send several requests over one connection
 * (the chat WebSocket counts each message as the HTTP API counts each POST).
 */
public interface WidgetRateLimits {

    /**
     * Takes one request from the visitor's and the site's allowance.
     *
     * @param visitorId the verified visitor, or null (then the client address counts)
     * @return 0 when allowed, else the seconds to wait
     */
    long tryTake(Site site, @Nullable UUID visitorId, String remoteAddress);
}
