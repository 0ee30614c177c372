package io.cellardoor.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The API's Maven version, the root pom's {@code plugin-api.version} and {@link PluginApi#VERSION} are one version. */
class PluginApiVersionTests {

    @Test
    void theMavenVersionsEqualPluginApiVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = PluginApiVersionTests.class.getResourceAsStream("/plugin-api-build.properties")) {
            assertThat(in).as("filtered plugin-api-build.properties").isNotNull();
            build.load(in);
        }
        assertThat(build.getProperty("project.version"))
                .as("platform/plugin-api/pom.xml <version>")
                .isEqualTo(PluginApi.VERSION);
        assertThat(build.getProperty("plugin-api.version"))
                .as("the root pom's plugin-api.version")
                .isEqualTo(PluginApi.VERSION);
    }

    @Test
    void theVersionIsSemantic() {
        assertThat(PluginApi.VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }
}
