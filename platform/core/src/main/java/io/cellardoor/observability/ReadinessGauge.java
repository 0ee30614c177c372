package io.cellardoor.observability;

import io.micrometer.core.instrument.Gauge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code cellardoor_readiness_up}: 1 while the readiness group ({@code readinessState}, {@code db}) is UP, else 0; the
 * alert {@code CellarDoorReadinessDown} reads it. Evaluated at each scrape (one database check).
 */
@Component
class ReadinessGauge {

    ReadinessGauge(RagMetrics metrics, ObjectProvider<HealthEndpoint> health) {
        Gauge.builder("cellardoor.readiness.up", health, ReadinessGauge::ready)
                .description("1 when the instance is ready (its database reachable), else 0")
                .strongReference(true)
                .register(metrics.registry());
    }

    private static double ready(ObjectProvider<HealthEndpoint> health) {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) {
            return 0;
        }
        try {
            HealthDescriptor readiness = endpoint.healthForPath("readiness");
            return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
