package io.cellardoor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.e2e.pages.ConsolePage;
import io.cellardoor.e2e.pages.PluginsConsolePage;
import io.cellardoor.e2e.support.ConsoleE2eTestSupport;
import io.cellardoor.e2e.support.E2eConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Journey 12: a platform admin removes a plugin in the console; the removal asks for confirmation first. The events
 * plugin's jar is copied aside before and put back after (the app's folder scan loads it again within seconds).
 */
@Order(12)
@DisplayName("Journey 12: a platform admin removes a plugin")
class PluginRemovalConsoleE2eTests extends ConsoleE2eTestSupport {

    static final Path JAR = E2eConfig.pluginsDir().resolve("cellardoor-plugin-events.jar");
    static final Path BACKUP = E2eConfig.targetDir().resolve("cellardoor-plugin-events.jar.backup");

    @BeforeEach
    void keepACopy() throws IOException {
        Files.copy(JAR, BACKUP, StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void putItBack() throws IOException {
        if (!Files.exists(JAR)) {
            Path tmp = E2eConfig.pluginsDir().resolve(".events-restore.tmp");
            Files.copy(BACKUP, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, JAR, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Test
    @DisplayName("12. Remove asks first: Cancel keeps the plugin; Remove unloads it and deletes its jar")
    void removingAPluginAsksForConfirmationThenUnloadsItAndDeletesItsJar() {
        ConsolePage console = signIn("platform-admin");
        PluginsConsolePage plugins = new PluginsConsolePage(console).openFromNavigation();
        assertThat(plugins.removeButton("events")).isVisible();

        plugins.removeButton("events").click();
        assertThat(plugins.confirmation()).containsText("Remove plugin events?");
        assertThat(plugins.confirmation()).containsText("deletes its jar");
        plugins.answerConfirmation(false);
        assertThat(plugins.removeButton("events")).isVisible();
        assertThat(JAR).as("kept after Cancel").exists();

        plugins.removeButton("events").click();
        assertThat(plugins.confirmation()).containsText("Remove plugin events?");
        plugins.answerConfirmation(true);
        assertThat(plugins.removeButton("events")).hasCount(0);
        assertThat(plugins.removeButton("wine")).isVisible();
        assertThat(JAR).as("deleted with the removal").doesNotExist();
        screenshot("12-plugin-removed");
    }
}
