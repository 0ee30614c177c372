package io.cellardoor.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder this instance keeps its keyword indexes in: {@code <dir>/<database>}, claimed with a lock file so that a
 * second instance on the same host (or a second application context in one JVM) takes a private folder of its own
 * instead of sharing the indexes. Indexes in a claimed folder survive restarts; a private one is deleted at shutdown.
 */
final class IndexFolder {

    private static final Logger log = LoggerFactory.getLogger(IndexFolder.class);

    private final Path path;
    private final @Nullable FileChannel channel;
    private final @Nullable FileLock lock;
    private final boolean ephemeral;

    private IndexFolder(Path path, @Nullable FileChannel channel, @Nullable FileLock lock, boolean ephemeral) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.ephemeral = ephemeral;
    }

    /**
     * Claims {@code <dir>/<database>} for this instance, or a private folder below it when another instance holds it.
     *
     * @param databaseUrl the JDBC URL of the source database; indexes of different databases never mix
     * @param create whether to create the folder (false when the keyword index is off)
     */
    static IndexFolder claim(Path dir, String databaseUrl, boolean create) {
        Path shared =
                dir.resolve(databaseUrl.replaceFirst("^jdbc:postgresql://", "").replaceAll("[^A-Za-z0-9._-]+", "_"));
        if (!create) {
            return new IndexFolder(shared, null, null, false);
        }
        try {
            Files.createDirectories(shared);
            FileChannel channel = FileChannel.open(
                    shared.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock != null) {
                return new IndexFolder(shared, channel, lock, false);
            }
            channel.close();
            Path own = shared.resolve("instance-" + UUID.randomUUID());
            Files.createDirectories(own);
            log.info("Keyword indexes: {} is in use by another instance; this one keeps its own in {}", shared, own);
            return new IndexFolder(own, null, null, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the keyword index folder " + shared, e);
        }
    }

    Path path() {
        return path;
    }

    void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
            if (ephemeral) {
                try (var walk = Files.walk(path)) {
                    for (Path p :
                            walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Releasing the keyword index folder {} failed", path, e);
        }
    }
}
