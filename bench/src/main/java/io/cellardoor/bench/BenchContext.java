package io.cellardoor.bench;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the benchmark's Spring context (see {@link BenchApplication}) and says how long that took. */
final class BenchContext {

    private BenchContext() {}

    record Started(ConfigurableApplicationContext context, double seconds) implements AutoCloseable {

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    static Started start(Db db) {
        return start(db, null);
    }

    /** The context, keeping the production keyword indexes under {@code work/keyword-index} when work is given. */
    static Started start(Db db, java.nio.file.Path work) {
        long t0 = System.nanoTime();
        SpringApplication app = new SpringApplication(BenchApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        java.util.Map<String, Object> properties = new java.util.HashMap<>(db.springProperties());
        if (work != null) {
            properties.put(
                    "cellardoor.retrieval.keyword-index.dir",
                    work.resolve("keyword-index").toAbsolutePath().toString());
        }
        app.setDefaultProperties(properties);
        ConfigurableApplicationContext context = app.run();
        return new Started(context, (System.nanoTime() - t0) / 1e9);
    }
}
