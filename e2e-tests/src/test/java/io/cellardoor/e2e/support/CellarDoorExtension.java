package io.cellardoor.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the app process and the browser once per JVM (kept in the root store, closed when the test run ends)
 * and hands them to test methods and lifecycle methods as parameters. Saves a screenshot of a failed test's page.
 */
public final class CellarDoorExtension implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CellarDoorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CellarDoorApp.class || type == BrowserSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CellarDoorApp.class ? app(context) : browser(context);
    }

    /** Why the app or browser could not be started, so later test classes fail at once instead of trying again. */
    private static volatile RuntimeException startFailure;

    /** The app, started on first use. */
    public static CellarDoorApp app(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        CellarDoorApp.class,
                        k -> once(() -> {
                            clearScreenshots();
                            return CellarDoorApp.start();
                        }),
                        CellarDoorApp.class);
    }

    /** The browser, launched on first use. */
    public static BrowserSession browser(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(BrowserSession.class, k -> once(BrowserSession::launch), BrowserSession.class);
    }

    /** The screenshots folder holds this run's artifacts only. */
    private static void clearScreenshots() {
        Path dir = E2eConfig.screenshotsDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir, e);
        }
    }

    private static <T> T once(Supplier<T> start) {
        if (startFailure != null) {
            throw new IllegalStateException(
                    "not started (an earlier attempt failed): " + startFailure.getMessage(), startFailure);
        }
        try {
            return start.get();
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()
                && context.getTestInstance().orElse(null) instanceof E2eTestSupport test) {
            test.screenshotOnFailure(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }
}
