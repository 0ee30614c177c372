package io.cellardoor.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RateLimitsTests {

    @Test
    void subjectsAreStoredAsShortHashesNeverInTheClear() {
        String hash = RateLimits.hash("203.0.113.7");
        assertThat(hash).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotContain("203");
        assertThat(RateLimits.hash("203.0.113.7")).isEqualTo(hash);
        assertThat(RateLimits.hash("203.0.113.8")).isNotEqualTo(hash);
    }

    @Test
    void aDatabaseThatCannotAnswerLetsRequestsThroughAndIsCounted() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "spring.datasource.url",
                                "jdbc:postgresql://127.0.0.1:" + closedPort + "/none",
                                "spring.datasource.username",
                                "nobody",
                                "spring.datasource.password",
                                "nothing")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimits limits = new RateLimits(new RateLimitProperties(true, 1, 1, 1, Duration.ofMillis(300)), env, meters);
        try {
            assertThat(limits.tryTake(RateLimits.Kind.VISITOR, "someone", 1)).isZero();
            assertThat(limits.tryTake(RateLimits.Kind.VISITOR, "someone", 1)).isZero();
            assertThat(meters.counter("cellardoor.ratelimit.failures").count()).isEqualTo(2);
        } finally {
            limits.destroy();
        }
    }

    @Test
    void turnedOffNothingIsCounted() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "test", Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/none")));
        RateLimits limits = new RateLimits(
                new RateLimitProperties(false, 1, 1, 1, Duration.ofMillis(300)), env, new SimpleMeterRegistry());
        try {
            assertThat(limits.tryTake(RateLimits.Kind.SITE, "1", 1)).isZero();
        } finally {
            limits.destroy();
        }
    }
}
