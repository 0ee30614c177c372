package io.cellardoor.plugin.internal;

import io.cellardoor.plugin.StoredPluginJar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code plugin_jar} (migration V53): uploaded and removed plugin jars, shared by every instance. */
@Repository
public class PluginJarStore {

    private final JdbcClient jdbc;

    PluginJarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored jar without its content, by plugin id. */
    public Map<String, StoredPluginJar> list() {
        Map<String, StoredPluginJar> jars = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT plugin_id, version, file_name, sha256, content IS NULL, changed_by, changed_at
                FROM plugin_jar ORDER BY plugin_id""")
                .query((rs, n) -> new StoredPluginJar(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list()
                .forEach(j -> jars.put(j.pluginId(), j));
        return jars;
    }

    /** The jar's bytes, when the stored jar of this plugin still has this hash. */
    public Optional<byte[]> content(String pluginId, String sha256) {
        return jdbc.sql("SELECT content FROM plugin_jar WHERE plugin_id = ? AND sha256 = ? AND content IS NOT NULL")
                .params(pluginId, sha256)
                .query(byte[].class)
                .optional();
    }

    /** Stores an uploaded jar, replacing what the plugin had (a jar or a removal). */
    public void save(String pluginId, String version, String fileName, byte[] content, String sha256, String actor) {
        jdbc.sql("""
                INSERT INTO plugin_jar (plugin_id, version, file_name, content, sha256, size_bytes, changed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version, file_name = excluded.file_name,
                    content = excluded.content, sha256 = excluded.sha256, size_bytes = excluded.size_bytes,
                    changed_by = excluded.changed_by, changed_at = now()""")
                .params(pluginId, version, fileName, content, sha256, content.length, actor)
                .update();
    }

    /** Records that the plugin was removed: no instance loads a jar of this id until a new one is uploaded. */
    public void markRemoved(String pluginId, String version, String fileName, String sha256, String actor) {
        jdbc.sql("""
                INSERT INTO plugin_jar (plugin_id, version, file_name, content, sha256, size_bytes, changed_by)
                VALUES (?, ?, ?, NULL, ?, 0, ?)
                ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version, file_name = excluded.file_name,
                    content = NULL, sha256 = excluded.sha256, size_bytes = 0, changed_by = excluded.changed_by,
                    changed_at = now()""").params(pluginId, version, fileName, sha256, actor).update();
    }
}
