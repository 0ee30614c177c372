package io.cellardoor.features.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;
import org.togglz.core.Feature;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.StateRepository;

/**
 * Togglz's feature states read through a cache that a chat turn does not wait for once it is warm: a state older than
 * {@code refresh} is still served while it is read again in the background (the next read sees the new state), and
 * one older than {@code expire} (an instance nobody asked for a while) is read before it is served. So a change made on
 * any instance applies on every busy instance within {@code refresh} plus one read, and everywhere within
 * {@code expire}. Writes go to the repository and replace the cached state at once.
 */
public final class RefreshingStateRepository implements StateRepository {

    private final StateRepository repository;
    private final LoadingCache<Feature, Optional<FeatureState>> states;

    /**
     * @param repository where the states are kept (the JDBC repository of the {@code togglz} table)
     * @param refresh age after which a state is read again in the background
     * @param expire age after which a state is read again before it is served; at least {@code refresh}
     */
    public RefreshingStateRepository(StateRepository repository, Duration refresh, Duration expire) {
        this(repository, refresh, expire, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /** As the public constructor, with the clock and the executor of the background reads given (tests). */
    RefreshingStateRepository(
            StateRepository repository, Duration refresh, Duration expire, Ticker ticker, Executor executor) {
        this.repository = repository;
        this.states = Caffeine.newBuilder()
                .refreshAfterWrite(refresh)
                .expireAfterWrite(expire.compareTo(refresh) < 0 ? refresh : expire)
                .ticker(ticker)
                .executor(executor)
                .build(f -> Optional.ofNullable(repository.getFeatureState(f)));
    }

    /** A copy of the feature's state, or null when it has none stored. */
    @Override
    public @Nullable FeatureState getFeatureState(Feature feature) {
        return states.get(feature).map(FeatureState::copy).orElse(null);
    }

    @Override
    public void setFeatureState(FeatureState state) {
        repository.setFeatureState(state);
        states.put(state.getFeature(), Optional.of(state.copy()));
    }
}
