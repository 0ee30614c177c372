package io.cellardoor.retrieval;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Listens on the database's {@code kb_chunk_changes} channel (migration V26 notifies it with the org id when chunk
 * changes commit, on any instance) and tells the keyword index to follow. One connection of its own, outside the
 * pool, reconnecting after failures; when it is down the keyword index's polling still catches up.
 */
@Component
class ChangeNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final KeywordIndex index;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running;
    private volatile @Nullable Thread thread;

    ChangeNotifications(KeywordIndex index, Environment env) {
        this.index = index;
        this.url = env.getProperty("spring.datasource.url", "");
        this.user = env.getProperty("spring.datasource.username", "");
        this.password = env.getProperty("spring.datasource.password", "");
    }

    @Override
    public void start() {
        if (!index.enabled() || url.isEmpty()) {
            return;
        }
        running = true;
        thread =
                Thread.ofPlatform().name("keyword-index-notifications").daemon().start(this::listen);
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement st = c.createStatement()) {
                st.execute("LISTEN kb_chunk_changes");
                PGConnection pg = c.unwrap(PGConnection.class);
                // Changes committed while this connection was down: the open indexes catch up once.
                index.openOrgs().forEach(index::changed);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification n : notes) {
                        try {
                            index.changed(Long.parseLong(n.getParameter()));
                        } catch (NumberFormatException e) {
                            log.debug("Ignored notification {}", n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Chunk change notifications interrupted ({}); reconnecting in 5 s", e.getMessage());
                    sleep(5000);
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
