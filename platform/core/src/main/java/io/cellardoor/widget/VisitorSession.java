package io.cellardoor.widget;

import java.time.Instant;

/**
 * An anonymous visitor's signed token ({@code POST /api/v1/widget/session}).
 *
 * @param visitorToken opaque token the widget sends back as {@code X-Visitor-Token}
 * @param expiresAt when the token stops being accepted; the widget asks for a new one before then
 */
public record VisitorSession(String visitorToken, Instant expiresAt) {}
