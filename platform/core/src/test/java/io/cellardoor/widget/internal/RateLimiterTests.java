package io.cellardoor.widget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void allowsTheLimitPerKeyThenSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(3);
        assertThat(limiter.tryTake("a")).isZero();
        assertThat(limiter.tryTake("a")).isZero();
        assertThat(limiter.tryTake("a")).isZero();
        long wait = limiter.tryTake("a");
        assertThat(wait).isBetween(1L, 60L);
        assertThat(limiter.tryTake("b")).as("other keys are not affected").isZero();
    }
}
