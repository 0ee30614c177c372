package io.cellardoor.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are and how to reach them: the repository, the built app, the database, the browser. */
public final class E2eConfig {

    /**
     * Features switched off. In the tests the app runs on 127.0.0.1 while the foreign pages (hostile.test, evil.test)
     * are public, non-secure origins, so Chromium's Private/Local Network Access rules would block the widget script
     * and API calls before the app could answer ("the request client is not a secure context and the resource is in
     * more-private address space loopback"). In production the app is a public host, so these rules never apply;
     * switching them off lets the tests reach the app's own origin check. Playwright passes its own
     * {@code --disable-features} list; Chromium keeps only the last such switch, so Playwright 1.55's list is repeated.
     */
    static final List<String> DISABLED_FEATURES = List.of(
            // Playwright 1.55 (chromiumSwitches.js)
            "AcceptCHFrame",
            "AvoidUnnecessaryBeforeUnloadCheckSync",
            "DestroyProfileOnBrowserClose",
            "DialMediaRouteProvider",
            "GlobalMediaControls",
            "HttpsUpgrades",
            "LensOverlay",
            "MediaRouter",
            "PaintHolding",
            "ThirdPartyStoragePartitioning",
            "Translate",
            "AutoDeElevate",
            // public page -> loopback app
            "LocalNetworkAccessChecks",
            "BlockInsecurePrivateNetworkRequests",
            "PrivateNetworkAccessSendPreflights",
            "PrivateNetworkAccessRespectPreflightResults");

    /** The launch flags Chromium gets; Playwright adds its own automation flags before them. */
    public static final List<String> CHROMIUM_ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-features=" + String.join(",", DISABLED_FEATURES));

    public static final String SITE_KEY = "demo-site-key";

    private E2eConfig() {}

    /** The repository root: system property {@code cellardoor.repo.root} (set by Surefire), else {@code ..}. */
    public static Path repoRoot() {
        return Path.of(System.getProperty("cellardoor.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** This module's build folder, where the app log and screenshots go. */
    public static Path targetDir() {
        String t = System.getProperty("cellardoor.e2e.target");
        return (t != null ? Path.of(t) : repoRoot().resolve("e2e-tests/target"))
                .toAbsolutePath()
                .normalize();
    }

    public static Path screenshotsDir() {
        return targetDir().resolve("screenshots");
    }

    public static Path appJar() {
        return repoRoot().resolve("platform/app/target/cellardoor.jar");
    }

    public static Path pluginsDir() {
        return repoRoot().resolve("platform/app/target/plugins");
    }

    public static Path demoKnowledge() {
        return repoRoot().resolve("knowledge/demo");
    }

    /** The JDBC URL the app and the tests share: CELLARDOOR_DB_URL, else the app's own default (the local cluster). */
    public static String dbUrl() {
        String url = System.getenv("CELLARDOOR_DB_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        return "jdbc:postgresql://127.0.0.1:" + env("CELLARDOOR_PG_PORT", "55432") + "/cellardoor";
    }

    /** The tables' owner: runs the app's migrations; the tests arrange and check rows of any org as it. */
    public static String dbUser() {
        return env("CELLARDOOR_DB_USER", "cellardoor");
    }

    public static String dbPassword() {
        return env("CELLARDOOR_DB_PASSWORD", "cellardoor");
    }

    /**
     * The OIDC issuer of staff sign-in the app is started with: CELLARDOOR_IDENTITY_ISSUER_URI, else the local
     * Keycloak on CELLARDOOR_KC_PORT (default 8180) with realm {@code cellardoor}, as {@code deploy/local/keycloak.sh}
     * starts it. No trailing slash.
     */
    public static String keycloakIssuer() {
        String issuer = env(
                "CELLARDOOR_IDENTITY_ISSUER_URI",
                "http://127.0.0.1:" + env("CELLARDOOR_KC_PORT", "8180") + "/realms/cellardoor");
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** The runtime role the app process connects as (row-level security applies to it). */
    public static String dbAppUser() {
        return env("CELLARDOOR_DB_APP_USER", "cellardoor_app");
    }

    public static String dbAppPassword() {
        return env("CELLARDOOR_DB_APP_PASSWORD", "cellardoor_app");
    }

    /** The Chromium binary: CHROMIUM_PATH, else Debian's {@code /usr/bin/chromium}. Fails when it is not there. */
    public static Path chromium() {
        Path path = Path.of(env("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(
                    "Chromium not found at " + path + ": install it (Debian: apt-get install -y chromium)"
                            + " or set CHROMIUM_PATH to a Chromium binary. Playwright never downloads browsers in this build.");
        }
        return path;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
