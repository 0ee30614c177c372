package io.cellardoor.datasource;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A read replica of the primary ({@code cellardoor.datasource.replica.*}): a streaming (physical) standby, so roles,
 * grants and row-level security policies are the primary's.
 *
 * @param url JDBC URL of the replica; empty: no replica, every query goes to the primary
 * @param username role on the replica; empty: the runtime role of {@code spring.datasource.username} (the replica is
 *     checked at first contact like the primary: no superuser, no BYPASSRLS, owns no tenant table)
 * @param password its password; empty: {@code spring.datasource.password}
 * @param poolSize connections to the replica
 * @param maxLag how far behind the primary the replica may be and still serve reads; beyond it (and while it is down)
 *     read-only transactions go to the primary. This is the bound on how old a read-only answer's data can be
 * @param probeInterval how often the replica's state and lag are measured
 * @param connectTimeout how long to wait for a replica connection before falling back to the primary
 */
@ConfigurationProperties("cellardoor.datasource.replica")
public record ReplicaProperties(
        String url,
        String username,
        String password,
        int poolSize,
        Duration maxLag,
        Duration probeInterval,
        Duration connectTimeout) {

    public ReplicaProperties {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        poolSize = poolSize <= 0 ? 10 : poolSize;
        maxLag = maxLag == null ? Duration.ofSeconds(10) : maxLag;
        probeInterval = probeInterval == null ? Duration.ofSeconds(1) : probeInterval;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    }
}
