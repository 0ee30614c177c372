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
        long t0 = System.nanoTime();
        SpringApplication app = new SpringApplication(BenchApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(db.springProperties());
        ConfigurableApplicationContext context = app.run();
        return new Started(context, (System.nanoTime() - t0) / 1e9);
    }
}
