package io.cellardoor.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets the console's UI framework adjust the console's filter chain ({@code /admin/**}) without core knowing it, e.g.
 * to exempt its own internal requests, which carry their own CSRF token, from Spring's CSRF check. Applied after the
 * chain's own rules, which stay: every {@code /admin/**} request needs a signed-in VIEWER or above.
 */
@FunctionalInterface
public interface ConsoleSecurityCustomizer {

    /** Adjusts the chain before it is built. */
    void customize(HttpSecurity http) throws Exception;

    /** Called once the chain is built, for what needs the built configuration (e.g. its logout handlers). */
    default void built(HttpSecurity http) {}
}
