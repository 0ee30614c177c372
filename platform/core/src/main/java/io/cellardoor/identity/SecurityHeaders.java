package io.cellardoor.identity;

import java.net.URI;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The HTTP security headers of the three filter chains (see docs/privacy-and-security.md): a Content-Security-Policy
 * per kind of response, {@code X-Content-Type-Options: nosniff}, a Referrer-Policy, frame options matching
 * {@code frame-ancestors}, and HSTS (one year, subdomains) on requests that arrived over TLS (Spring writes it only
 * for secure requests; behind a TLS-terminating proxy set {@code server.forward-headers-strategy}).
 */
final class SecurityHeaders {

    /** JSON APIs, the widget's assets and the actuator: nothing to load, never framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * The app's own HTML pages (the demo page): scripts from this origin only (the widget), styles from this origin and
     * inline style blocks, no plugins, framed by this origin only.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'self'";

    private static final long ONE_YEAR = 31_536_000;

    private SecurityHeaders() {}

    /**
     * The console's policy: Vaadin Flow's bootstrap runs inline scripts and its client evaluates server-sent
     * JavaScript ({@code executeJs}), so {@code 'unsafe-inline'} and {@code 'unsafe-eval'} stay for scripts; everything
     * else is this origin (the widget preview is framed from it), and sign-out forms may go on to the identity
     * provider.
     */
    static String consolePolicy(URI issuer) {
        String provider = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self';"
                + " object-src 'none'; base-uri 'self'; form-action 'self' " + provider + "; frame-ancestors 'self'";
    }

    /** The admin API's headers. */
    static Customizer<HeadersConfigurer<HttpSecurity>> api() {
        return headers -> common(headers)
                .contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }

    /** The console's headers. */
    static Customizer<HeadersConfigurer<HttpSecurity>> console(URI issuer) {
        return headers -> common(headers)
                .contentSecurityPolicy(csp -> csp.policyDirectives(consolePolicy(issuer)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin);
    }

    /**
     * The public chain's headers: the API policy on {@code /api/**}, {@code /widget/**} assets and {@code /actuator/**},
     * the page policy elsewhere; a page that sets its own policy (the widget preview, with its inline script's hash)
     * keeps it.
     */
    static Customizer<HeadersConfigurer<HttpSecurity>> publicPaths() {
        RequestMatcher api = new OrRequestMatcher(
                path("/api/**"), path("/widget/*.js"), path("/widget/themes/**"), path("/actuator/**"), path("/error"));
        return headers -> common(headers)
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        api, new ContentSecurityPolicyHeaderWriter(API_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(api), new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin); // the console frames /widget/preview
    }

    private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
        return headers.contentTypeOptions(Customizer.withDefaults())
                .httpStrictTransportSecurity(
                        hsts -> hsts.maxAgeInSeconds(ONE_YEAR).includeSubDomains(true));
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
