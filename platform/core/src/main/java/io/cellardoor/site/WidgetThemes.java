package io.cellardoor.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Names of the widget themes built into this app ({@code META-INF/cellardoor/themes/<name>.css}), sorted. */
@Component
public class WidgetThemes {

    private final List<String> names;

    WidgetThemes() {
        try {
            Resource[] css = new PathMatchingResourcePatternResolver(WidgetThemes.class.getClassLoader())
                    .getResources("classpath*:META-INF/cellardoor/themes/*.css");
            this.names = Arrays.stream(css)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .map(f -> f.substring(0, f.length() - ".css".length()))
                    .filter(n -> n.matches("[a-z0-9-]{1,40}"))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The available theme names, e.g. {@code [default, vineyard]}; {@code default} even when none is packaged. */
    public List<String> names() {
        return names.isEmpty() ? List.of("default") : names;
    }
}
