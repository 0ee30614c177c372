package io.cellardoor.features.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellardoor.features.Feature;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.StateRepository;
import org.togglz.core.repository.mem.InMemoryStateRepository;

class RefreshingStateRepositoryTests {

    final InMemoryStateRepository stored = new InMemoryStateRepository();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    final StateRepository counting = new StateRepository() {
        @Override
        public FeatureState getFeatureState(org.togglz.core.Feature feature) {
            reads.incrementAndGet();
            return stored.getFeatureState(feature);
        }

        @Override
        public void setFeatureState(FeatureState state) {
            stored.setFeatureState(state);
        }
    };
    // Background reads wait here until the test runs them.
    final Queue<Runnable> background = new ArrayDeque<>();
    final RefreshingStateRepository cached = new RefreshingStateRepository(
            counting, Duration.ofSeconds(1), Duration.ofSeconds(30), nanos::get, background::add);

    private void at(Duration elapsed) {
        nanos.set(elapsed.toNanos());
    }

    private boolean enabled() {
        FeatureState state = cached.getFeatureState(Feature.SEMANTIC_CACHE);
        return state != null && state.isEnabled();
    }

    @Test
    void aChangeElsewhereIsSeenByTheReadAfterTheOneThatFindsTheStateOld() {
        stored.setFeatureState(new FeatureState(Feature.SEMANTIC_CACHE, true));
        assertThat(enabled()).isTrue();
        stored.setFeatureState(new FeatureState(Feature.SEMANTIC_CACHE, false)); // another instance's change

        at(Duration.ofMillis(500));
        assertThat(enabled()).as("younger than the refresh time: no read").isTrue();
        assertThat(reads).hasValue(1);

        at(Duration.ofMillis(1500));
        assertThat(enabled())
                .as("served without waiting for the read it starts")
                .isTrue();
        assertThat(reads).hasValue(1);
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertThat(reads).hasValue(2);
        assertThat(enabled()).isFalse();
    }

    @Test
    void aStateOlderThanTheStaleLimitIsReadBeforeItIsServed() {
        stored.setFeatureState(new FeatureState(Feature.SEMANTIC_CACHE, true));
        assertThat(enabled()).isTrue();
        stored.setFeatureState(new FeatureState(Feature.SEMANTIC_CACHE, false));

        at(Duration.ofSeconds(31));
        assertThat(enabled()).isFalse();
    }

    @Test
    void aWriteIsStoredAndServedAtOnce() {
        stored.setFeatureState(new FeatureState(Feature.SEMANTIC_CACHE, true));
        assertThat(enabled()).isTrue();

        cached.setFeatureState(new FeatureState(Feature.SEMANTIC_CACHE, false));

        assertThat(enabled()).isFalse();
        assertThat(stored.getFeatureState(Feature.SEMANTIC_CACHE).isEnabled()).isFalse();
    }
}
