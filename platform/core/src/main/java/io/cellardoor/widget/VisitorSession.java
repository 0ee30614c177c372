package io.cellardoor.widget;

import java.time.Instant;
import java.util.UUID;

/**
 * An anonymous visitor's signed token ({@code POST /api/v1/widget/session}).
 *
 * @param visitorToken opaque token the widget sends back as {@code X-Visitor-Token}
 * @param expiresAt when the token stops being accepted; the widget asks for a new one before then
 * @param visitorId the visitor's id: the reference a visitor quotes to ask for their data or its erasure (shown in the
 *     widget's privacy notice)
 */
public record VisitorSession(String visitorToken, Instant expiresAt, UUID visitorId) {}
