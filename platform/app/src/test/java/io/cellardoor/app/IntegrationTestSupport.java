package io.cellardoor.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the integration tests: the whole app on a random port against the real local PostgreSQL
 * (CELLARDOOR_DB_URL, set by {@code ./cellardoor test}), with the built domain plugin jars copied into a
 * temporary plugins folder that tests may add jars to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The repository's plugin jars and the jars tests build are unsigned (signatures: PluginSigningIntegrationTests).
// Every test class sends from 127.0.0.1 and the rate limit buckets live in the shared test database: the per-address,
// per-admin-user, per-visitor and per-site limits are lifted (a class asking without a visitor token is one visitor,
// its site and address, and may ask more than the default 30 a minute). RateLimitIntegrationTests, ScaleOut- and
// ChatSocketIntegrationTests check the limits with values of their own.
// Small pools: the suite caches several application contexts, each with its own pools (the app's, the rate limiter's),
// on one database.
// The default plan keeps any number of sites and documents: tests of every feature make sites and documents in the
// shared demo org, in any order (plan limits: PlanLimitsIntegrationTests, on a plan of its own).
@TestPropertySource(
        properties = {
            "cellardoor.plugins.allow-unsigned=true",
            "spring.datasource.hikari.maximum-pool-size=4",
            "cellardoor.ratelimit.pool-size=1",
            "cellardoor.billing.plans.free.sites=-1",
            "cellardoor.billing.plans.free.documents=-1",
            "cellardoor.ratelimit.address-requests-per-minute=1000000",
            "cellardoor.ratelimit.admin-requests-per-minute=1000000",
            "cellardoor.widget.visitor-requests-per-minute=1000000",
            "cellardoor.widget.site-requests-per-minute=1000000"
        })
abstract class IntegrationTestSupport {

    /** The repository root (set by Surefire), for locating ../shared/data and built jars. */
    static final Path REPO = Path.of(System.getProperty("cellardoor.repo.root", "../.."))
            .toAbsolutePath()
            .normalize();
    /** The shared real data: CELLARDOOR_SHARED_DATA (set by {@code ./cellardoor test}), else ../shared/data. */
    static final Path SHARED_DATA = (System.getenv("CELLARDOOR_SHARED_DATA") == null
                            || System.getenv("CELLARDOOR_SHARED_DATA").isBlank()
                    ? REPO.resolve("../shared/data")
                    : Path.of(System.getenv("CELLARDOOR_SHARED_DATA")))
            .normalize();

    static final Path MILEA = SHARED_DATA.resolve("milea-knowledge");
    static final Path PLUGINS_DIR = copyPlugins();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cellardoor.plugins.dir", PLUGINS_DIR::toString);
        registry.add("cellardoor.plugins.scan-interval", () -> "300ms");
    }

    /**
     * SQL as the tables' owner (Flyway's user), which row-level security does not apply to: for arranging and checking
     * rows of any org. The app's own pool connects as the runtime role and sees one org at a time.
     */
    JdbcClient asOwner() {
        return JdbcClient.create(new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password")));
    }

    private static Path copyPlugins() {
        try {
            Path dir = Files.createTempDirectory("cellardoor-plugins");
            Path built = REPO.resolve("platform/app/target/plugins");
            try (Stream<Path> jars = Files.list(built)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("build the plugins first (./mvnw verify)", e);
        }
    }

    HttpResponse<String> post(String path, String siteKey, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                siteKey);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends a request, adding {@code X-Site-Key} when a key is given. */
    HttpResponse<String> send(HttpRequest.Builder request, String siteKey) {
        if (siteKey != null) {
            request.header("X-Site-Key", siteKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
