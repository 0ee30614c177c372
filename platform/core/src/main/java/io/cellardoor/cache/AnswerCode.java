package io.cellardoor.cache;

import io.cellardoor.plugin.PluginJars;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The code that answers a turn, as one string: lower-case hex SHA-256 over the application's build (version and build
 * time from {@code META-INF/build-info.properties}, written by the build; {@code "unbuilt"} when run from classes, as
 * in tests) and the SHA-256 of every loaded plugin jar by plugin id. A new release or a replaced plugin jar gives
 * another value, so answers cached by the old code are not served by the new (migration V56).
 */
@Component
public class AnswerCode {

    private final String build;
    private final PluginJars plugins;

    AnswerCode(ObjectProvider<BuildProperties> build, PluginJars plugins) {
        BuildProperties properties = build.getIfAvailable();
        this.build = properties == null ? "unbuilt" : properties.getVersion() + "@" + properties.getTime();
        this.plugins = plugins;
    }

    /** The current value: 64 hex digits; changes when a plugin is loaded, replaced or unloaded. */
    public String current() {
        return of(build, plugins.loaded());
    }

    /** The value for an application build and plugin jars (plugin id to jar SHA-256). */
    static String of(String build, Map<String, String> pluginJars) {
        StringBuilder text = new StringBuilder(build);
        new java.util.TreeMap<>(pluginJars)
                .forEach((id, sha) -> text.append('\n').append(id).append('=').append(sha));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
