package io.cellardoor.cluster;

/**
 * An event every app instance hears. Implement it with a small, past-tense record of ids (no tenant content, a few
 * hundred bytes of JSON at most), publish it with {@link ClusterEvents#publish}, and listen with an ordinary
 * {@code @EventListener} on the record: the listener runs at once on the publishing instance and, after the
 * publisher's transaction commits, on every other instance (usually within milliseconds, at most the poll interval).
 * Listeners must be idempotent and quick (they run on one shared thread): drop a cache entry, schedule work.
 *
 * <p>The record's class name is its wire type: renaming or moving it is a change of the protocol between instances of
 * two releases (an unknown type is logged and skipped; the caches' TTLs are the backstop).
 */
public interface ClusterEvent {}
