package io.cellardoor.identity;

import org.jspecify.annotations.Nullable;

/**
 * Published when the admin API refused a signed-in user's call with 403 (a role too low).
 *
 * @param username who called
 * @param org the caller's org slug, or null for an account without one
 * @param method the HTTP method, and {@code path} the request path (no query)
 * @param ip the client address the server saw
 */
public record StaffAccessDenied(String username, @Nullable String org, String method, String path, String ip) {}
