package io.cellardoor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.ratelimit.RateLimitProperties;
import io.cellardoor.ratelimit.RateLimits;
import io.cellardoor.tenant.TenantService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared rate limits (Bucket4j on PostgreSQL) with small limits of their own: per visitor, per site, per client
 * address (sessions included), per admin user; 429 problem+json with {@code Retry-After}; health and metrics never
 * limited; and a second limiter with a pool of its own (what another instance has) sees the same buckets.
 */
@TestPropertySource(
        properties = {
            "cellardoor.widget.visitor-requests-per-minute=3",
            "cellardoor.widget.site-requests-per-minute=5",
            "cellardoor.ratelimit.address-requests-per-minute=12",
            "cellardoor.ratelimit.admin-requests-per-minute=4",
            "cellardoor.ratelimit.pool-size=3" // the default: a request's buckets taken at once, each on a connection
        })
class RateLimitIntegrationTests extends AdminApiTestSupport {

    @Autowired
    TenantService tenants;

    @Autowired
    RateLimits limits;

    String siteKey;

    long org;

    @BeforeEach
    void freshBuckets() {
        // Buckets live in the database: start each test with this class's limits' buckets empty of history.
        asOwner().sql("DELETE FROM rate_limit_bucket WHERE id ~ ':(3|4|5|12)$'").update();
        limits.forgetEmptyBuckets();
        org = tenants.ensureOrg("it-ratelimit", "Rate limit test");
        siteKey = "it-ratelimit-" + UUID.randomUUID();
        tenants.ensureSite(org, siteKey, "Rate limit site");
    }

    @Test
    void aVisitorGetsThreeRequestsAMinuteThenA429WithRetryAfterOnEveryInstance() {
        String token = session();
        for (int i = 0; i < 3; i++) {
            assertThat(ask(token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = ask(token);
        assertThat(problem(refused, 429)).isEqualTo("rate-limited");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        String visitorId = visitorId(token);

        // Another instance: its own limiter and pool, the same database.
        RateLimits other = otherInstance();
        try {
            assertThat(other.tryTake(RateLimits.Kind.VISITOR, visitorId, 3))
                    .as("the other instance sees the visitor's empty bucket")
                    .isPositive();
            assertThat(other.tryTake(RateLimits.Kind.VISITOR, UUID.randomUUID().toString(), 3))
                    .as("and a full one for someone else")
                    .isZero();
        } finally {
            other.destroy();
        }
        assertThat(asOwner()
                        .sql("SELECT count(*) FROM rate_limit_bucket WHERE id LIKE ? OR id LIKE ?")
                        .params("%" + visitorId + "%", "%127.0.0.1%")
                        .query(Long.class)
                        .single())
                .as("no visitor id or address in the clear")
                .isZero();
    }

    @Test
    void aSiteGetsFiveRequestsAMinuteAcrossItsVisitors() {
        String[] visitors = {session(), session(), session()};
        int[] asks = {2, 2, 1};
        for (int v = 0; v < visitors.length; v++) {
            for (int i = 0; i < asks[v]; i++) {
                assertThat(ask(visitors[v]).statusCode()).isEqualTo(200);
            }
        }
        assertThat(problem(ask(visitors[2]), 429))
                .as("the third visitor has requests left, the site has not")
                .isEqualTo("rate-limited");
    }

    @Test
    void aRefusedRequestTakesNothingFromTheOtherBuckets() {
        String first = session();
        String second = session();
        for (int i = 0; i < 3; i++) {
            assertThat(ask(first).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(problem(ask(first), 429))
                    .as("the visitor's bucket is empty; the site's request is given back")
                    .isEqualTo("rate-limited");
        }
        assertThat(ask(second).statusCode()).isEqualTo(200);
        assertThat(ask(second).statusCode())
                .as("the site's fifth request: the refused ones took none")
                .isEqualTo(200);
        assertThat(problem(ask(second), 429)).isEqualTo("rate-limited");
    }

    @Test
    void aChatMessageRefusedWhileItsAnswerStartsGetsAPlain429AndStoresNothing() {
        String token = session();
        for (int i = 0; i < 3; i++) {
            assertThat(ask(token).statusCode()).isEqualTo(200);
        }
        long stored = messages();
        // Nothing remembered on the instance yet: the database's bucket refuses it while the answer starts.
        HttpResponse<String> stream = send(
                HttpRequest.newBuilder(uri("/api/v1/chat/stream"))
                        .header("Content-Type", "application/json")
                        .header("X-Visitor-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Are you open on Monday?\"}")),
                siteKey);
        assertThat(problem(stream, 429)).as("a problem, not an event stream").isEqualTo("rate-limited");
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(stream.headers().firstValueAsLong("Retry-After").orElse(-1)).isBetween(1L, 60L);
        limits.forgetEmptyBuckets();
        HttpResponse<String> refused = ask(token);
        assertThat(problem(refused, 429)).isEqualTo("rate-limited");
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(-1)).isBetween(1L, 60L);
        assertThat(messages()).as("messages stored for refused turns").isEqualTo(stored);
    }

    private long messages() {
        return asOwner()
                .sql("SELECT count(*) FROM message WHERE org_id = ?")
                .param(org)
                .query(Long.class)
                .single();
    }

    @Test
    void anEmptyBucketIsRememberedOnTheInstanceUntilItWouldHaveARequestAgain() {
        String subject = "flood-" + UUID.randomUUID();
        assertThat(limits.tryTake(RateLimits.Kind.VISITOR, subject, 1)).isZero();
        long wait = limits.tryTake(RateLimits.Kind.VISITOR, subject, 1);
        assertThat(wait).isBetween(1L, 60L);
        // Refilled behind its back (as an operator emptying the table would): this instance still refuses from memory,
        // without asking the database, while an instance that has not seen the refusal asks it and is let through.
        asOwner()
                .sql("DELETE FROM rate_limit_bucket WHERE id LIKE 'visitor:%:1'")
                .update();
        assertThat(limits.tryTake(RateLimits.Kind.VISITOR, subject, 1)).isPositive();
        RateLimits other = otherInstance();
        try {
            assertThat(other.tryTake(RateLimits.Kind.VISITOR, subject, 1)).isZero();
        } finally {
            other.destroy();
        }
        limits.forgetEmptyBuckets();
        asOwner()
                .sql("DELETE FROM rate_limit_bucket WHERE id LIKE 'visitor:%:1'")
                .update();
        assertThat(limits.tryTake(RateLimits.Kind.VISITOR, subject, 1)).isZero();
    }

    @Test
    void oneAddressMintingATokenPerRequestIsLimitedByTheAddress() {
        for (int i = 0; i < 12; i++) {
            session();
        }
        HttpResponse<String> refused = postSession();
        assertThat(problem(refused, 429)).isEqualTo("rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anAdminUserGetsFourRequestsAMinuteAndOthersAreNotAffected() {
        for (int i = 0; i < 4; i++) {
            ok(admin("GET", "/api/v1/admin/me", "viewer"));
        }
        HttpResponse<String> refused = admin("GET", "/api/v1/admin/me", "viewer");
        assertThat(problem(refused, 429)).isEqualTo("rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(ok(admin("GET", "/api/v1/admin/me", "editor"))
                        .path("username")
                        .asString())
                .isEqualTo("editor");
    }

    @Test
    void healthAndMetricsAreNeverLimited() {
        String operator = "Bearer " + token("platform-admin"); // metrics on the visitor port need a PLATFORM_ADMIN
        for (int i = 0; i < 30; i++) {
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(send(
                                    HttpRequest.newBuilder(uri("/actuator/prometheus"))
                                            .header("Authorization", operator)
                                            .GET(),
                                    null)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(send(
                                HttpRequest.newBuilder(uri("/actuator/prometheus"))
                                        .header("Authorization", operator)
                                        .GET(),
                                null)
                        .body())
                .contains("cellardoor_ratelimit_failures_total");
    }

    /** A limiter as another instance has it: its own pool on the same database. */
    private RateLimits otherInstance() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "other-instance",
                        Map.of(
                                "spring.datasource.url",
                                environment.getRequiredProperty("spring.datasource.url"),
                                "spring.datasource.username",
                                environment.getRequiredProperty("spring.datasource.username"),
                                "spring.datasource.password",
                                environment.getRequiredProperty("spring.datasource.password"))));
        return new RateLimits(
                new RateLimitProperties(true, 12, 4, 1, Duration.ofSeconds(2)), env, new SimpleMeterRegistry());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    private HttpResponse<String> postSession() {
        return send(
                HttpRequest.newBuilder(uri("/api/v1/widget/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                siteKey);
    }

    private String session() {
        HttpResponse<String> response = postSession();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("visitorToken").asString();
    }

    private String visitorId(String token) {
        return token.split("\\.")[2];
    }

    private HttpResponse<String> ask(String token) {
        return send(
                HttpRequest.newBuilder(uri("/api/v1/chat"))
                        .header("Content-Type", "application/json")
                        .header("X-Visitor-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(Map.of("message", "Are you open on Monday?")))),
                siteKey);
    }
}
