package io.cellardoor.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.plugin.api.DocumentSummary;
import io.cellardoor.plugin.api.KnowledgeDocument;
import io.cellardoor.plugin.api.Passage;
import io.cellardoor.plugin.api.PluginContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SettingsContextTests {

    private final Passage retrieved =
            new Passage("visiting/hours.md", "Hours", "visiting", "Hours", "Open daily.", 0.5);

    private final PluginContext tenant = new PluginContext() {
        @Override
        public String tenant() {
            return "demo";
        }

        @Override
        public List<Passage> search(String domain, String text, int k) {
            return List.of();
        }

        @Override
        public Optional<KnowledgeDocument> readDocument(String path) {
            return Optional.empty();
        }

        @Override
        public List<DocumentSummary> listDocuments(String domain) {
            return List.of();
        }

        @Override
        public List<Passage> passages() {
            return List.of(retrieved);
        }
    };

    @Test
    void aPluginWithSettingsSeesTheTurnsPassagesAndItsSettings() {
        AtomicInteger reads = new AtomicInteger();
        SettingsContext context = new SettingsContext(tenant, () -> {
            reads.incrementAndGet();
            return Map.of("visiting.time-zone", "America/New_York");
        });

        assertThat(context.passages()).containsExactly(retrieved);
        assertThat(context.tenant()).isEqualTo("demo");
        assertThat(reads).as("no setting asked for, none read").hasValue(0);
        assertThat(context.setting("visiting.time-zone")).contains("America/New_York");
        assertThat(context.setting("visiting.other")).isEmpty();
        assertThat(reads).as("read once, at the first call").hasValue(1);
    }

    @Test
    void everyMethodOfThePluginContextIsForwarded() {
        List<String> missing = Arrays.stream(PluginContext.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declares(m))
                .map(Method::getName)
                .toList();

        assertThat(missing)
                .as("a default method SettingsContext does not override answers the default, not the turn's")
                .isEmpty();
    }

    private static boolean declares(Method method) {
        try {
            SettingsContext.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
